package org.reluscope.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.Box;

/**
 * A node of the split tree: the inputs of S whose neurons before {@code (state.layer, neuron)}
 * have the phases in {@code bits}, cut out by the rows of the neurons that had to be split.
 * Owned by one task, which advances it in place; {@link #fork} copies what a second owner
 * would share.
 */
final class Piece {
    /** The rows of the split neurons: an immutable list linked from the newest row back to the first. */
    record Rows(HalfSpace row, Rows parent, int size) {
        static Rows add(Rows parent, HalfSpace row) {
            return new Rows(row, parent, parent == null ? 1 : parent.size + 1);
        }

        /** The rows, oldest first. */
        static List<HalfSpace> list(Rows rows) {
            List<HalfSpace> list = new ArrayList<>();
            for (Rows r = rows; r != null; r = r.parent) {
                list.add(r.row);
            }
            Collections.reverse(list);
            return list;
        }
    }

    /** Phases per ReLU layer; entries of finished layers are shared between pieces, the current one is owned. */
    boolean[][] bits;
    int reluLayer;
    LayerState state;
    int neuron;
    Rows rows;
    /** A verified interior point of the piece and its slack, or {@code null} for a thin piece. */
    double[] point;
    double slack;
    /**
     * The sign of each neuron of the current layer on an enclosing piece ({@link LayerState}
     * codes): S's signs, sharpened by the screening at layer entry. Owned like the current phases.
     */
    byte[] known;
    /** Ball cut directions of the last slack LP on the way here (see {@link PieceLp#interior(List, List)}). */
    List<double[]> cuts = List.of();
    /** Slack tests of the screening, [neuron][phase], valid while {@link #rows} is {@link #screenedRows}. */
    Interior[][] screened;
    Rows screenedRows;
    /** The outer box of the piece ({@link PieceBox}) while {@link #rows} is {@link #boxRows}; null if none. */
    private Box box;
    private Rows boxRows;

    Piece(int reluLayers, LayerState state, double[] point, double slack) {
        this.bits = new boolean[reluLayers][];
        this.reluLayer = state.relu ? 0 : -1;
        this.state = state;
        this.point = point;
        this.slack = slack;
        this.known = state.onSet.clone();
        if (state.relu) {
            bits[0] = new boolean[state.width];
        }
    }

    private Piece(Piece other) {
        this.bits = other.bits.clone();
        if (other.state.relu) {
            bits[other.reluLayer] = other.bits[other.reluLayer].clone();
        }
        this.reluLayer = other.reluLayer;
        this.state = other.state;
        this.neuron = other.neuron;
        this.rows = other.rows;
        this.point = other.point;
        this.slack = other.slack;
        this.known = other.known.clone();
        this.cuts = other.cuts;
    }

    /**
     * The piece's outer box within {@code bounds} (S's bounding box), computed once per row set;
     * null when the tightening empties it. Only for a piece with rows (without, it is S's box).
     */
    Box outerBox(Box bounds) {
        if (boxRows != rows) {
            box = PieceBox.of(bounds, rowList());
            boxRows = rows;
        }
        return box;
    }

    /** A copy for another owner. */
    Piece fork() {
        return new Piece(this);
    }

    int depth() {
        return rows == null ? 0 : rows.size;
    }

    List<HalfSpace> rowList() {
        return Rows.list(rows);
    }

    /** The rows with one more. */
    List<HalfSpace> rowListWith(HalfSpace extra) {
        List<HalfSpace> list = rowList();
        list.add(extra);
        return list;
    }

    /** Moves on to the next layer's state (a ReLU layer gets a fresh phase array). */
    void enter(LayerState next) {
        state = next;
        neuron = 0;
        known = next.onSet.clone();
        screened = null;
        if (next.relu) {
            reluLayer++;
            bits[reluLayer] = new boolean[next.width];
        }
    }

    /**
     * The phases fixed so far as splits, for a sound over-approximation of an unexplored piece.
     *
     * @param reluLayers the network layer of each ReLU layer
     */
    ReluSplits splits(int[] reluLayers) {
        List<ReluSplits.Split> list = new ArrayList<>();
        for (int k = 0; k <= reluLayer && k < bits.length; k++) {
            int upTo = k < reluLayer || !state.relu ? bits[k].length : neuron;
            for (int i = 0; i < upTo; i++) {
                list.add(new ReluSplits.Split(reluLayers[k], i,
                        bits[k][i] ? ReluSplits.Phase.ACTIVE : ReluSplits.Phase.INACTIVE));
            }
        }
        return new ReluSplits(list);
    }
}

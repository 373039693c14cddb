package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * Removes the ReLU units a network does not need on a domain D, given sound pre-activation
 * bounds l ≤ z ≤ u of every layer over D (MISSION.md §4) from any bound method of
 * {@code org.reluscope.bounds}: crown by default, lp where its tighter bounds pay for the LPs. Every step keeps the function on D:
 * <ul>
 *   <li>a unit with u ≤ 0 is inactive on D: σ(z) = 0, so its row and the next layer's column go;</li>
 *   <li>a unit whose outgoing weights are all 0 contributes nothing: removed likewise;</li>
 *   <li>a unit whose input weights are all 0 is the constant σ(b): its column times σ(b) moves
 *       into the next layer's bias;</li>
 *   <li>a unit whose (w, b) is λ &gt; 0 times another's is σ(λ z) = λ σ(z): its outgoing column,
 *       times λ, is added to the other's (rows compared within a relative tolerance);</li>
 *   <li>a layer whose units all have l ≥ 0 is affine on D, σ(z) = z: it is composed with the
 *       next layer, W' = W_{k+1} W_k, b' = W_{k+1} b_k + b_{k+1};</li>
 *   <li>a layer left without units outputs 0: everything before it is dropped and the next
 *       layer reads the input with zero weights (it is constant on D).</li>
 * </ul>
 * The steps repeat until none applies (a composition can leave a column of zeros, a merge can
 * create duplicates in the next layer). The bounds stay valid throughout because every
 * remaining unit computes the same function of x on D as before.
 */
public final class Simplifier {
    private final List<WorkLayer> layers = new ArrayList<>();
    private final int inputSize;
    private final double duplicateTolerance;
    private final int[] inactive;
    private final int[] unused;
    private final int[] duplicates;
    private final int[] folded;

    private Simplifier(List<AffineLayer> standard, List<LayerBounds> bounds, double tolerance) {
        this.inputSize = standard.get(0).inputSize();
        this.duplicateTolerance = tolerance;
        for (int l = 0; l < standard.size(); l++) {
            layers.add(new WorkLayer(standard.get(l), bounds.get(l), l));
        }
        int hidden = standard.size() - 1;
        inactive = new int[hidden];
        unused = new int[hidden];
        duplicates = new int[hidden];
        folded = new int[hidden];
    }

    /**
     * Simplifies a network in standard shape (ReLU layers, then one affine layer: see
     * {@link NetworkDifference#standardLayers}) given sound bounds on its pre-activations over D.
     *
     * @param bounds             sound bounds of every layer of {@code network} over D, from any
     *                           {@link OutputBounder}; their method names the proof in the report
     * @param duplicateTolerance relative tolerance of the duplicate test (0: exact proportionality)
     * @throws IllegalArgumentException if the network is not in standard shape or the bounds do not fit it
     */
    public static Simplification simplify(Network network, Bounds bounds, double duplicateTolerance) {
        List<AffineLayer> standard = network.layers();
        if (!NetworkDifference.standardLayers(network).equals(standard)) {
            throw new IllegalArgumentException("network must be ReLU layers then one affine layer, got " + network);
        }
        if (bounds.layers().size() != standard.size()) {
            throw new IllegalArgumentException("bounds for " + bounds.layers().size() + " layers but the network has "
                    + standard.size());
        }
        for (int l = 0; l < standard.size(); l++) {
            if (bounds.layer(l).size() != standard.get(l).outputSize()) {
                throw new IllegalArgumentException("layer " + l + ": bounds have " + bounds.layer(l).size()
                        + " entries but the layer has " + standard.get(l).outputSize() + " units");
            }
        }
        if (bounds.empty()) {
            throw new IllegalArgumentException("the bounds say the domain is empty: nothing to simplify on");
        }
        Simplifier s = new Simplifier(standard, bounds.layers(), duplicateTolerance);
        s.run();
        return new Simplification(s.network(network), s.changes(standard), bounds.method());
    }

    /**
     * Simplifies {@code network} on {@code domain}, with the pre-activation bounds that
     * {@code bounder} proves over the domain (tighter bounds fix more phases). The network is
     * first brought to standard shape.
     */
    public static Simplification simplify(Network network, InputSet domain, OutputBounder bounder,
                                          double duplicateTolerance) {
        Network standard = new Network(NetworkDifference.standardLayers(network), network.normalization().orElse(null));
        return simplify(standard, bounder.compute(standard, domain), duplicateTolerance);
    }

    private void run() {
        boolean changed = true;
        while (changed) {
            changed = removeInactive() | removeUnused() | foldConstants() | mergeDuplicates() | collapseEmpty()
                    | composeActive();
        }
    }

    private boolean removeInactive() {
        return removeUnits(false, (k, i) -> layers.get(k).upper[i] <= 0, inactive);
    }

    /** Backwards, so that a unit removed in layer k + 1 can leave zero columns in layer k + 1's weights. */
    private boolean removeUnused() {
        return removeUnits(true, (k, i) -> layers.get(k + 1).columnIsZero(i), unused);
    }

    private boolean foldConstants() {
        return removeUnits(false, (k, i) -> {
            WorkLayer layer = layers.get(k);
            if (!layer.rowIsZero(i)) {
                return false;
            }
            layers.get(k + 1).addColumnToBias(i, Math.max(layer.bias[i], 0));
            return true;
        }, folded);
    }

    /** Unit i merges into the first earlier unit i' it is a positive multiple λ of: column i' += λ column i. */
    private boolean mergeDuplicates() {
        return removeUnits(false, (k, i) -> {
            for (int earlier = 0; earlier < i; earlier++) {
                double lambda = layers.get(k).positiveRatio(i, earlier, duplicateTolerance);
                if (lambda > 0) {
                    layers.get(k + 1).addColumn(i, earlier, lambda);
                    return true;
                }
            }
            return false;
        }, duplicates);
    }

    /** Says whether unit i of hidden layer k can go, after moving what it contributes elsewhere if needed. */
    private interface UnitRemoval {
        boolean apply(int k, int i);
    }

    /** Removes, last unit first, every unit the rule lets go, counting them per original layer. */
    private boolean removeUnits(boolean backwards, UnitRemoval rule, int[] counter) {
        boolean changed = false;
        int hidden = layers.size() - 1;
        for (int step = 0; step < hidden; step++) {
            int k = backwards ? hidden - 1 - step : step;
            WorkLayer layer = layers.get(k);
            for (int i = layer.size() - 1; i >= 0; i--) {
                if (rule.apply(k, i)) {
                    removeUnit(k, i);
                    counter[layer.origin]++;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A hidden layer with no units: the layers up to it go, the next one reads x with zero weights. */
    private boolean collapseEmpty() {
        for (int k = layers.size() - 2; k >= 0; k--) {
            if (layers.get(k).size() == 0) {
                for (int gone = 0; gone <= k; gone++) {
                    folded[layers.get(0).origin] += layers.get(0).size();
                    layers.remove(0);
                }
                layers.get(0).zeroWeights(inputSize);
                return true;
            }
        }
        return false;
    }

    private boolean composeActive() {
        for (int k = 0; k < layers.size() - 1; k++) {
            WorkLayer layer = layers.get(k);
            if (layer.allActive()) {
                folded[layer.origin] += layer.size();
                layers.get(k + 1).composeAfter(layer);
                layers.remove(k);
                return true;
            }
        }
        return false;
    }

    private void removeUnit(int k, int i) {
        layers.get(k).removeRow(i);
        layers.get(k + 1).removeColumn(i);
    }

    private Network network(Network original) {
        List<AffineLayer> out = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            out.add(layers.get(k).toLayer(k == layers.size() - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new Network(out, original.normalization().orElse(null));
    }

    private List<LayerChange> changes(List<AffineLayer> standard) {
        int[] after = new int[standard.size() - 1];
        for (WorkLayer layer : layers.subList(0, layers.size() - 1)) {
            after[layer.origin] = layer.size();
        }
        List<LayerChange> changes = new ArrayList<>();
        for (int l = 0; l < after.length; l++) {
            changes.add(new LayerChange(l, standard.get(l).outputSize(), inactive[l], unused[l], duplicates[l], folded[l],
                    after[l]));
        }
        return changes;
    }

    /** One layer being edited: rows (w_i, b_i), bounds per unit, and the original layer it came from. */
    private static final class WorkLayer {
        private double[][] rows;
        private double[] bias;
        private double[] lower;
        private double[] upper;
        private final int origin;

        WorkLayer(AffineLayer layer, LayerBounds bounds, int origin) {
            this.rows = layer.weightRows();
            this.bias = layer.bias().clone();
            this.lower = bounds.lower();
            this.upper = bounds.upper();
            this.origin = origin;
        }

        int size() {
            return rows.length;
        }

        boolean allActive() {
            return lower.length > 0 && Arrays.stream(lower).allMatch(v -> v >= 0);
        }

        boolean columnIsZero(int j) {
            return Arrays.stream(rows).allMatch(r -> r[j] == 0);
        }

        boolean rowIsZero(int i) {
            return Arrays.stream(rows[i]).allMatch(v -> v == 0);
        }

        /** b += s · column j. */
        void addColumnToBias(int j, double s) {
            for (int r = 0; r < rows.length; r++) {
                bias[r] += s * rows[r][j];
            }
        }

        /** λ &gt; 0 with (w_j, b_j) = λ (w_i, b_i) within tol·‖(w_j, b_j)‖_∞ entry-wise, or 0 if none. */
        double positiveRatio(int j, int i, double tol) {
            double[] a = withBias(j);
            double[] b = withBias(i);
            double nb = Vectors.norm2(b);
            double lambda = Vectors.norm2(a) / nb;
            if (!(lambda > 0) || Vectors.dot(a, b) <= 0) {
                return 0;
            }
            return Vectors.within(a, Vectors.scaled(lambda, b), tol * Vectors.normInf(a)) ? lambda : 0;
        }

        private double[] withBias(int i) {
            double[] r = Arrays.copyOf(rows[i], rows[i].length + 1);
            r[rows[i].length] = bias[i];
            return r;
        }

        void removeRow(int i) {
            rows = without(rows, i);
            bias = without(bias, i);
            lower = without(lower, i);
            upper = without(upper, i);
        }

        void removeColumn(int j) {
            for (int r = 0; r < rows.length; r++) {
                rows[r] = without(rows[r], j);
            }
        }

        /** Column `to` += λ · column `from`. */
        void addColumn(int from, int to, double lambda) {
            for (double[] r : rows) {
                r[to] += lambda * r[from];
            }
        }

        void zeroWeights(int columns) {
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new double[columns];
            }
        }

        /** This layer after an affine one: W ← W W_prev, b ← W b_prev + b. */
        void composeAfter(WorkLayer previous) {
            int columns = previous.rows.length == 0 ? 0 : previous.rows[0].length;
            double[][] composed = new double[rows.length][columns];
            for (int r = 0; r < rows.length; r++) {
                for (int k = 0; k < previous.rows.length; k++) {
                    Vectors.axpy(rows[r][k], previous.rows[k], composed[r]);
                }
                bias[r] += Vectors.dot(rows[r], previous.bias);
            }
            rows = composed;
        }

        AffineLayer toLayer(Activation activation) {
            return AffineLayer.of(rows, bias, activation);
        }

        private static double[] without(double[] a, int i) {
            double[] r = new double[a.length - 1];
            System.arraycopy(a, 0, r, 0, i);
            System.arraycopy(a, i + 1, r, i, a.length - i - 1);
            return r;
        }

        private static double[][] without(double[][] a, int i) {
            double[][] r = new double[a.length - 1][];
            System.arraycopy(a, 0, r, 0, i);
            System.arraycopy(a, i + 1, r, i, a.length - i - 1);
            return r;
        }
    }
}

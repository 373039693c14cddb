package org.reluscope.bounds;

import org.reluscope.input.Box;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.Sense;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * An independent, deliberately plain formulation of the triangle relaxation of a whole network
 * over a box, as one LP: a variable for every input, every pre-activation and every
 * activation (stable ones tied by equality rows or fixed to 0), with the exact chord slope
 * u/(u − l) — the oracle that {@link TriangleRelaxation} is compared with.
 */
final class TriangleOracle {
    private TriangleOracle() {
    }

    /** max (or min) c·y over the relaxation with the given pre-activation bounds. Not modified: c. */
    static LinearProgram program(Network net, Box box, Bounds bounds, double[] c, Sense sense) {
        LinearProgram.Builder b = LinearProgram.builder();
        int[] prev = new int[net.inputSize()];
        for (int i = 0; i < prev.length; i++) {
            prev[i] = b.addVariable(box.lower(i), box.upper(i));
        }
        for (int l = 0; l < net.layerCount(); l++) {
            AffineLayer layer = net.layer(l);
            int[] z = new int[layer.outputSize()];
            int[] a = new int[layer.outputSize()];
            for (int j = 0; j < z.length; j++) {
                z[j] = b.addVariable(bounds.layer(l).lower(j), bounds.layer(l).upper(j));
                a[j] = b.addVariable(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            }
            for (int j = 0; j < z.length; j++) {
                double[] row = new double[b.variableCount()];
                for (int i = 0; i < prev.length; i++) {
                    row[prev[i]] = -layer.weight(j, i);
                }
                row[z[j]] = 1;
                b.addEqual(row, layer.bias()[j]);
                relax(b, layer.activation(), z[j], a[j], bounds.layer(l).lower(j), bounds.layer(l).upper(j));
            }
            prev = a;
        }
        double[] objective = new double[b.variableCount()];
        for (int j = 0; j < c.length; j++) {
            objective[prev[j]] = c[j];
        }
        return b.objective(objective, sense).build();
    }

    private static void relax(LinearProgram.Builder b, Activation act, int z, int a, double lo, double hi) {
        double[] diff = new double[b.variableCount()];
        diff[a] = 1;
        diff[z] = -1;
        if (act == Activation.IDENTITY || lo >= 0) {
            b.addEqual(diff, 0);
            return;
        }
        double[] only = new double[b.variableCount()];
        only[a] = 1;
        if (hi <= 0) {
            b.addEqual(only, 0);
            return;
        }
        b.addGreaterOrEqual(only, 0);
        b.addGreaterOrEqual(diff, 0);
        double lambda = hi / (hi - lo);
        double[] chord = new double[b.variableCount()];
        chord[a] = 1;
        chord[z] = -lambda;
        b.addLessOrEqual(chord, -lambda * lo);
    }
}

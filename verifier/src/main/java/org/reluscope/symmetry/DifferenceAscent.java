package org.reluscope.symmetry;

import java.util.Arrays;
import java.util.Random;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * Looks for the input of a domain where a difference network d = f₁ − f₂ is largest in
 * magnitude: random samples, then projected sign-gradient ascent on ±d_i from the best ones.
 * d is piecewise affine, so its gradient at x is the row of the local affine map, found by one
 * backward pass through the active units. A heuristic: it finds witnesses, never proofs.
 *
 * @param samples  random starting points
 * @param restarts how many of the best samples to climb from
 * @param steps    ascent steps per climb (the step shrinks geometrically from a tenth of the domain's width)
 * @param seed     random seed
 */
public record DifferenceAscent(int samples, int restarts, int steps, long seed) {
    /** 2000 samples, 8 climbs of 60 steps. */
    public static final DifferenceAscent DEFAULT = new DifferenceAscent(2000, 8, 60, 1);

    public DifferenceAscent {
        if (samples < 1 || restarts < 0 || steps < 0) {
            throw new IllegalArgumentException("ascent needs samples ≥ 1, restarts ≥ 0, steps ≥ 0, got " + samples + ", "
                    + restarts + ", " + steps);
        }
    }

    /** The best input found, a member of the domain. */
    public double[] search(Network difference, InputSet domain) {
        Random random = new Random(seed);
        int keep = Math.max(1, restarts);
        double[][] best = new double[keep][];
        double[] bestValue = new double[keep];
        Arrays.fill(bestValue, -1);
        for (int s = 0; s < samples; s++) {
            double[] x = s == 0 ? domain.center() : domain.sample(random);
            double v = Vectors.normInf(difference.evaluate(x));
            int slot = 0;
            for (int k = 1; k < keep; k++) {
                if (bestValue[k] < bestValue[slot]) {
                    slot = k;
                }
            }
            if (v > bestValue[slot]) {
                bestValue[slot] = v;
                best[slot] = x;
            }
        }
        double[] winner = null;
        double winnerValue = -1;
        for (int k = 0; k < keep; k++) {
            if (best[k] == null) {
                continue;
            }
            double[] x = restarts == 0 ? best[k] : climb(difference, domain, best[k]);
            double v = Vectors.normInf(difference.evaluate(x));
            if (v > winnerValue) {
                winnerValue = v;
                winner = x;
            }
        }
        return winner;
    }

    /** Sign-gradient ascent on the output of largest magnitude at the start, in its sign's direction. */
    private double[] climb(Network difference, InputSet domain, double[] start) {
        double[] y = difference.evaluate(start);
        int output = 0;
        for (int i = 1; i < y.length; i++) {
            if (Math.abs(y[i]) > Math.abs(y[output])) {
                output = i;
            }
        }
        double direction = y[output] >= 0 ? 1 : -1;
        Box box = domain.boundingBox();
        double[] x = start.clone();
        double bestValue = direction * y[output];
        double[] bestX = x.clone();
        double scale = 0.1;
        for (int t = 0; t < steps; t++) {
            double[] g = gradient(difference, x, output);
            double[] next = x.clone();
            for (int j = 0; j < next.length; j++) {
                next[j] += direction * Math.signum(g[j]) * scale * box.width(j);
            }
            x = domain.project(next);
            double v = direction * difference.evaluate(x)[output];
            if (v > bestValue) {
                bestValue = v;
                bestX = x.clone();
            } else {
                scale *= 0.7;
            }
        }
        return bestX;
    }

    /** ∂d_i/∂x at x: e_iᵀ W_L D_{L−1} W_{L−1} ⋯ D_1 W_1 with D_l the active units at x. Not modified: x. */
    static double[] gradient(Network net, double[] x, int output) {
        double[][] z = net.preActivations(x);
        int last = net.layerCount() - 1;
        double[] g = net.layer(last).row(output);
        for (int l = last - 1; l >= 0; l--) {
            AffineLayer layer = net.layer(l);
            double[] previous = new double[layer.inputSize()];
            for (int i = 0; i < layer.outputSize(); i++) {
                if (z[l][i] > 0 && g[i] != 0) {
                    for (int j = 0; j < previous.length; j++) {
                        previous[j] += g[i] * layer.weight(i, j);
                    }
                }
            }
            g = previous;
        }
        return g;
    }
}

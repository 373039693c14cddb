package org.reluscope.symmetry;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.reluscope.bounds.Bounds;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * Guesses a {@link UnitAlignment} of f₁ onto f₂ from their pre-activations at sample inputs
 * of the domain: f₁'s unit t is paired with f₂'s unit v when the two sample vectors are
 * positive multiples of each other, z₁,t ≈ μ z₂,v (then σ(z₁,t) = μ σ(z₂,v) as well). Hidden
 * layer k of f₂ is matched with the first later f₁ layer whose units reach every unit of f₂'s
 * layer. Units that the bounds prove inactive on the domain, in either network, need no partner. A heuristic: a
 * wrong guess only makes {@link AlignedDifference}'s proven bound large.
 *
 * @param samples inputs of the domain compared (the centre and random members)
 * @param seed    seed of the random members
 */
record UnitMatcher(int samples, long seed) {
    /** 32 inputs: against units that are affine in x on each region, that pins a multiple down. */
    static final UnitMatcher DEFAULT = new UnitMatcher(32, 0x411);
    /** Relative distance ‖z₁ − μ z₂‖ / ‖z₁‖ under which two sample vectors count as proportional. */
    private static final double PROPORTIONAL = 1e-6;
    /** A ratio this close to 1 is taken as exactly 1, so that copied units give exactly zero differences. */
    private static final double UNIT_RATIO = 1e-9;

    UnitMatcher {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one sample, got " + samples);
        }
    }

    /**
     * The alignment of {@code f1} onto {@code f2}, both in standard shape, or empty when some
     * hidden layer of f₂ has no matching layer in f₁.
     *
     * @param bounds1 sound bounds of f₁ over the domain
     * @param bounds2 sound bounds of f₂ over the domain
     */
    Optional<UnitAlignment> find(Network f1, Bounds bounds1, Network f2, Bounds bounds2, InputSet domain) {
        double[][][] z1 = unitSamples(f1, domain);
        double[][][] z2 = unitSamples(f2, domain);
        int hidden1 = f1.layerCount() - 1;
        int hidden2 = f2.layerCount() - 1;
        int[] layers = new int[hidden2];
        int[][] partners = new int[hidden2][];
        double[][] scales = new double[hidden2][];
        int next = 0;
        for (int k = 0; k < hidden2; k++) {
            boolean matched = false;
            for (int l = next; l < hidden1 && !matched; l++) {
                partners[k] = new int[z1[l].length];
                scales[k] = new double[z1[l].length];
                if (matchLayer(z1[l], bounds1.layer(l).upper(), z2[k], bounds2.layer(k).upper(), partners[k],
                        scales[k])) {
                    layers[k] = l;
                    next = l + 1;
                    matched = true;
                }
            }
            if (!matched) {
                return Optional.empty();
            }
        }
        return Optional.of(new UnitAlignment(layers, partners, scales));
    }

    /**
     * Pairs every unit of f₁'s layer that may be active (upper bound &gt; 0) with the f₂ unit its
     * samples are most nearly a positive multiple of. True if every f₂ unit that may be active
     * got some partner. Modified: partner, scale.
     */
    private static boolean matchLayer(double[][] z1, double[] upper1, double[][] z2, double[] upper2, int[] partner,
                                      double[] scale) {
        double[][] unit2 = normalized(z2);
        boolean[] reached = new boolean[z2.length];
        Arrays.fill(partner, -1);
        Arrays.fill(scale, 1);
        for (int t = 0; t < z1.length; t++) {
            double norm = Vectors.norm2(z1[t]);
            if (upper1[t] <= 0 || norm == 0) {
                continue;
            }
            int best = -1;
            double bestCosine = 0;
            for (int v = 0; v < z2.length; v++) {
                double cosine = Vectors.dot(z1[t], unit2[v]) / norm;
                if (cosine > bestCosine) {
                    bestCosine = cosine;
                    best = v;
                }
            }
            if (best < 0) {
                continue;
            }
            double mu = Vectors.dot(z1[t], z2[best]) / Vectors.dot(z2[best], z2[best]);
            double residual = 0;
            for (int s = 0; s < z1[t].length; s++) {
                double e = z1[t][s] - mu * z2[best][s];
                residual += e * e;
            }
            if (Math.sqrt(residual) <= PROPORTIONAL * norm) {
                partner[t] = best;
                scale[t] = Math.abs(mu - 1) <= UNIT_RATIO ? 1 : mu;
                reached[best] = true;
            }
        }
        for (int v = 0; v < z2.length; v++) {
            if (!reached[v] && upper2[v] > 0) {
                return false;
            }
        }
        return true;
    }

    /** z[l][unit][sample]: the hidden pre-activations of f at the sample inputs. */
    private double[][][] unitSamples(Network f, InputSet domain) {
        Random random = new Random(seed);
        int hidden = f.layerCount() - 1;
        double[][][] z = new double[hidden][][];
        for (int l = 0; l < hidden; l++) {
            z[l] = new double[f.layer(l).outputSize()][samples];
        }
        for (int s = 0; s < samples; s++) {
            double[][] pre = f.preActivations(s == 0 ? domain.center() : domain.sample(random));
            for (int l = 0; l < hidden; l++) {
                for (int u = 0; u < pre[l].length; u++) {
                    z[l][u][s] = pre[l][u];
                }
            }
        }
        return z;
    }

    private static double[][] normalized(double[][] vectors) {
        double[][] out = new double[vectors.length][];
        for (int v = 0; v < vectors.length; v++) {
            double n = Vectors.norm2(vectors[v]);
            out[v] = Vectors.scaled(n == 0 ? 0 : 1 / n, vectors[v]);
        }
        return out;
    }
}

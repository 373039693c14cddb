package org.reluscope.verify.split;

import java.util.Arrays;

/** Euclidean projection onto the probability simplex { λ ≥ 0 : Σλ_i = 1 } (Duchi et al., 2008). */
final class Simplex {
    private Simplex() {
    }

    /** argmin ‖λ − v‖₂ over the simplex: λ_i = max(v_i − θ, 0) with θ from the sorted entries. Not modified: v. */
    static double[] project(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double theta = 0;
        for (int k = 1; k <= sorted.length; k++) {
            double u = sorted[sorted.length - k];
            sum += u;
            double candidate = (sum - 1) / k;
            if (u - candidate > 0) {
                theta = candidate;
            }
        }
        double[] lambda = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            lambda[i] = Math.max(v[i] - theta, 0);
        }
        return lambda;
    }
}

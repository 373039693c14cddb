package org.reluscope.algebra;

import java.util.Objects;
import java.util.Optional;

/**
 * One activation region as the output constraints need it: its affine map f(x) = J x + c
 * (J = W_L M_{L−1}, c = W_L v_{L−1} + b_L in MISSION.md's notation) and, optionally, the
 * polytope of inputs it covers (region ∩ input set), from which the output polytope is drawn.
 *
 * @param label    how reports name the region, e.g. its activation pattern "010|11"
 * @param outputs  m, the number of rows of J
 * @param inputs   n, the number of columns of J
 * @param jacobian J row-major; owned by the record (do not modify)
 * @param offset   c; owned by the record (do not modify)
 * @param domain   the input polytope, or {@code null} when only the equations are wanted
 */
public record AffinePiece(String label, int outputs, int inputs, double[] jacobian, double[] offset,
                          HPolytope domain) {
    /** @throws IllegalArgumentException on a shape mismatch or a non-finite entry */
    public AffinePiece {
        Objects.requireNonNull(label);
        if (outputs <= 0 || inputs <= 0 || jacobian.length != outputs * inputs || offset.length != outputs) {
            throw new IllegalArgumentException("region " + label + ": J has " + jacobian.length + " entries and c has "
                    + offset.length + " for a " + outputs + "×" + inputs + " map");
        }
        for (int k = 0; k < jacobian.length; k++) {
            if (!Double.isFinite(jacobian[k])) {
                throw new IllegalArgumentException("region " + label + ": J[" + k / inputs + "][" + k % inputs + "] is "
                        + jacobian[k]);
            }
        }
        for (int i = 0; i < outputs; i++) {
            if (!Double.isFinite(offset[i])) {
                throw new IllegalArgumentException("region " + label + ": c[" + i + "] is " + offset[i]);
            }
        }
        if (domain != null && domain.dimension() != inputs) {
            throw new IllegalArgumentException("region " + label + ": polytope has dimension " + domain.dimension()
                    + " but J has " + inputs + " columns");
        }
    }

    /** A piece from J as rows. Not modified (copied): j, c. */
    public static AffinePiece of(String label, double[][] j, double[] c, HPolytope domain) {
        int m = j.length;
        int n = m == 0 ? 0 : j[0].length;
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (j[i].length != n) {
                throw new IllegalArgumentException("region " + label + ": row " + i + " of J has " + j[i].length
                        + " entries, row 0 has " + n);
            }
            System.arraycopy(j[i], 0, flat, i * n, n);
        }
        return new AffinePiece(label, m, n, flat, c.clone(), domain);
    }

    public Optional<HPolytope> polytope() {
        return Optional.ofNullable(domain);
    }

    /** J x + c. Not modified: x. */
    public double[] apply(double[] x) {
        double[] y = offset.clone();
        for (int i = 0; i < outputs; i++) {
            for (int j = 0; j < inputs; j++) {
                y[i] += jacobian[i * inputs + j] * x[j];
            }
        }
        return y;
    }

    /** Jᵀ w: the input-space direction whose inner product with x is w·(J x). Not modified: w. */
    public double[] pullBack(double[] w) {
        double[] g = new double[inputs];
        for (int i = 0; i < outputs; i++) {
            for (int j = 0; j < inputs; j++) {
                g[j] += jacobian[i * inputs + j] * w[i];
            }
        }
        return g;
    }

    /** The hull c + col(J) at this relative rank tolerance. */
    public AffineHull hull(double tolerance) {
        return AffineHull.of(outputs, inputs, jacobian, offset, tolerance);
    }
}

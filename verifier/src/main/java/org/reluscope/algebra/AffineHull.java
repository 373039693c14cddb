package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.numeric.Svd;
import org.reluscope.numeric.Vectors;

/**
 * The affine subspace H = c + col(J) ⊂ ℝ^m that contains the outputs of one activation
 * region, where f(x) = J x + c on the region (J is m × n).
 *
 * <p>From the SVD J = U Σ Vᵀ: the numerical rank r is the number of σ_i &gt; tol·σ_1; the first
 * r left singular vectors are an orthonormal basis of col(J) ({@link #directions()}) and the
 * other m − r an orthonormal basis N of the left null space ({@link #normals()}), so that
 * H = { y : N (y − c) = 0 }. Those m − r linear equations are the constraints the outputs of
 * the region satisfy; when r = m there are none.
 *
 * <p>Comparisons use the same relative tolerance: H_a ⊆ H_b when every direction of H_a is
 * orthogonal to N_b up to {@code tol} (the sine of the angle) and c_a lies on H_b up to
 * {@code tol}·(output scale), the output scale being the largest of ‖c‖∞ and σ_1 of the two.
 *
 * <p>Immutable.
 */
public final class AffineHull {
    private final int rank;
    private final double[] offset;
    private final double[][] directions;
    private final double[][] normals;
    private final double largestSingularValue;
    private final double rankGap;
    private final double tolerance;

    private AffineHull(int rank, double[] offset, double[][] directions, double[][] normals, double largest,
                       double rankGap, double tolerance) {
        this.rank = rank;
        this.offset = offset;
        this.directions = directions;
        this.normals = normals;
        this.largestSingularValue = largest;
        this.rankGap = rankGap;
        this.tolerance = tolerance;
    }

    /**
     * The hull c + col(J).
     *
     * @param jacobian  J, row-major, outputs × inputs. Not modified.
     * @param offset    c, length outputs. Not modified (copied).
     * @param tolerance relative rank tolerance, in (0, 1)
     */
    public static AffineHull of(int outputs, int inputs, double[] jacobian, double[] offset, double tolerance) {
        if (offset.length != outputs) {
            throw new IllegalArgumentException("offset has " + offset.length + " entries but J has " + outputs + " rows");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("rank tolerance must lie in (0, 1), got " + tolerance);
        }
        // the right singular vectors of Jᵀ are the left singular vectors of J, all m of them
        Svd svd = Svd.ofTranspose(outputs, inputs, jacobian);
        int r = Math.min(svd.rank(tolerance), inputs);
        double[][] dirs = new double[r][];
        double[][] norms = new double[outputs - r][];
        for (int j = 0; j < outputs; j++) {
            if (j < r) {
                dirs[j] = svd.rightVector(j);
            } else {
                norms[j - r] = svd.rightVector(j);
            }
        }
        return new AffineHull(r, offset.clone(), dirs, norms, svd.largest(), svd.rankGap(tolerance), tolerance);
    }

    /** The dimension m of the output space. */
    public int ambientDimension() {
        return offset.length;
    }

    /** rank J = dim H. */
    public int rank() {
        return rank;
    }

    /** m − rank J: the number of independent equations. */
    public int codimension() {
        return offset.length - rank;
    }

    public boolean isFullRank() {
        return rank == offset.length;
    }

    /** c, copied. */
    public double[] offset() {
        return offset.clone();
    }

    /** Orthonormal basis of col(J), one row per vector, copied. */
    public double[][] directions() {
        return copy(directions);
    }

    /** Orthonormal basis N of the left null space of J, one row per vector, copied. */
    public double[][] normals() {
        return copy(normals);
    }

    /** σ_1 of J. */
    public double largestSingularValue() {
        return largestSingularValue;
    }

    /** σ_r / σ_{r+1}: how clearly the rank is determined (infinite when σ_{r+1} = 0 or r = min(m, n)). */
    public double rankGap() {
        return rankGap;
    }

    public double tolerance() {
        return tolerance;
    }

    /** ‖N (y − c)‖₂: the distance from y to H. Not modified: y. */
    public double distance(double[] y) {
        double s = 0;
        for (double[] n : normals) {
            double d = 0;
            for (int i = 0; i < n.length; i++) {
                d += n[i] * (y[i] - offset[i]);
            }
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Whether {@code other} ⊆ this hull, within the tolerance (see the class comment). */
    public boolean contains(AffineHull other) {
        if (other.ambientDimension() != ambientDimension()) {
            throw new IllegalArgumentException("hulls in spaces of dimension " + ambientDimension() + " and "
                    + other.ambientDimension());
        }
        if (other.rank > rank) {
            return false;
        }
        double tol = Math.max(tolerance, other.tolerance);
        for (double[] n : normals) {
            for (double[] d : other.directions) {
                if (Math.abs(Vectors.dot(n, d)) > tol) {
                    return false;
                }
            }
        }
        double scale = Math.max(Math.max(Vectors.normInf(offset), Vectors.normInf(other.offset)),
                Math.max(largestSingularValue, other.largestSingularValue));
        return distance(other.offset) <= tol * scale;
    }

    /** Mutual containment: the same affine subspace within the tolerance. */
    public boolean sameAs(AffineHull other) {
        return rank == other.rank && contains(other) && other.contains(this);
    }

    /**
     * The equations N (y − c) = 0 as linear polynomials, rewritten in reduced echelon form
     * (Gauss–Jordan with complete pivoting, each pivot variable with coefficient ±1, the first
     * coefficient positive) so that they read simply — a hull that is a point becomes
     * y_i − c_i = 0 — and cleaned of round-off residues at the tolerance. The echelon rows span
     * the same space as N, so they cut out the same H.
     *
     * @param variables one name per output
     */
    public List<Polynomial> equations(List<String> variables) {
        int m = offset.length;
        int q = normals.length;
        double[][] rows = new double[q][m + 1];
        for (int k = 0; k < q; k++) {
            System.arraycopy(normals[k], 0, rows[k], 0, m);
            rows[k][m] = -Vectors.dot(normals[k], offset);
        }
        Echelon.reduce(rows, m, tolerance);
        List<Polynomial> out = new ArrayList<>();
        for (double[] row : rows) {
            double[] a = Arrays.copyOf(row, m);
            out.add(Polynomial.linear(variables, a, row[m]).cleaned(tolerance).withPositiveLeadingCoefficient());
        }
        return out;
    }

    private static double[][] copy(double[][] rows) {
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i].clone();
        }
        return c;
    }
}

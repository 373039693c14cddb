package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * The canonical form of a shallow ReLU network (MISSION.md §4):
 * <pre>
 *   f(x) = Σ_h α_h σ(u_h·x + β_h) + G x + g,   ‖u_h‖₂ = 1, first non-zero entry of u_h positive,
 *                                              (u_h, β_h) distinct, α_h ≠ 0, sorted by (u_h, β_h).
 * </pre>
 * It is obtained from A₂ σ(A₁ x + b₁) + b₂ by the moves that keep the function: drop dead
 * units (a_h = 0); fold constant units (w_h = 0) into g as a_h σ(c_h); rescale
 * a σ(w·x + c) = (a‖w‖) σ(u·x + β) with u = w/‖w‖, β = c/‖w‖; orient with
 * α σ(z) = α σ(−z) + α z, which moves α uᵀ into G and α β into g; merge units on the same
 * oriented hyperplane by adding their α; drop α = 0; sort. Two shallow networks compute the
 * same function on ℝⁿ exactly when their canonical forms are equal: the hyperplanes are where
 * f is not differentiable, α_h is the jump of the gradient across hyperplane h, and what
 * remains is affine.
 *
 * <p><b>Tolerance τ</b> (absolute, on these normalised quantities): a unit is dead when
 * ‖a_h‖_∞ ≤ τ and constant when ‖w_h‖_∞ ≤ τ; the orientation is set by the first entry of u
 * with |u_j| &gt; τ (so that rounding noise in an entry that should be 0 cannot flip it); units
 * whose (u, β) agree entry-wise within τ merge (into the first one's hyperplane); units with
 * ‖α‖_∞ ≤ τ after merging are dropped. Forms {@link #agreesWith agree} when they have the same
 * number of units, matched one to one with (u, β, α) within τ, and G, g agree within τ.
 *
 * @param inputSize  n
 * @param outputSize m
 * @param units      the canonical units, sorted
 * @param linear     G, m × n. Copied.
 * @param offset     g, length m. Copied.
 */
public record CanonicalForm(int inputSize, int outputSize, List<CanonicalUnit> units, double[][] linear,
                            double[] offset) {

    public CanonicalForm {
        units = List.copyOf(units);
        linear = Vectors.deepCopy(linear);
        offset = offset.clone();
    }

    /** The canonical form of a shallow network. See {@link ShallowNetwork#of(Network)} for what is accepted. */
    public static CanonicalForm of(Network network, double tolerance) {
        return of(ShallowNetwork.of(network), tolerance);
    }

    /** The canonical form, with tolerance τ as described in the class comment. */
    public static CanonicalForm of(ShallowNetwork net, double tolerance) {
        int n = net.inputSize();
        int m = net.outputSize();
        double[][] g = new double[m][n];
        double[] offset = net.outputBias();
        List<CanonicalUnit> oriented = new ArrayList<>();
        for (int h = 0; h < net.width(); h++) {
            double[] a = net.outputWeights(h);
            double[] w = net.inputWeights(h);
            if (Vectors.normInf(a) <= tolerance) {
                continue;
            }
            if (Vectors.normInf(w) <= tolerance) {
                Vectors.axpy(Math.max(net.hiddenBias(h), 0), a, offset);
                continue;
            }
            Normalised unit = normalise(w, net.hiddenBias(h), a, tolerance);
            if (unit.flipped()) {
                // α σ(−z) = α σ(z) − α z with z the oriented pre-activation: −α uᵀ into G, −α β into g
                double[] alpha = unit.unit().alpha();
                for (int i = 0; i < m; i++) {
                    Vectors.axpy(-alpha[i], unit.unit().u(), g[i]);
                    offset[i] -= alpha[i] * unit.unit().beta();
                }
            }
            oriented.add(unit.unit());
        }
        List<CanonicalUnit> units = new ArrayList<>();
        for (CanonicalUnit unit : merge(oriented, tolerance)) {
            if (Vectors.normInf(unit.alpha()) > tolerance) {
                units.add(unit);
            }
        }
        units.sort(CanonicalUnit::compareHyperplanes);
        return new CanonicalForm(n, m, units, g, offset);
    }

    /** A unit rescaled to ‖u‖ = 1 and oriented; {@code flipped} when the orientation negated (w, c). */
    record Normalised(CanonicalUnit unit, boolean flipped) {
    }

    /**
     * (a‖w‖) σ(u·x + β) with u = ±w/‖w‖, β = ±c/‖w‖, the sign making the first entry of u
     * with |u_j| &gt; τ positive. Not modified: w, a.
     */
    static Normalised normalise(double[] w, double c, double[] a, double tolerance) {
        double norm = Vectors.norm2(w);
        double[] u = Vectors.scaled(1 / norm, w);
        int lead = 0;
        while (Math.abs(u[lead]) <= tolerance) {
            lead++;
        }
        double sign = u[lead] > 0 ? 1 : -1;
        return new Normalised(new CanonicalUnit(Vectors.scaled(sign, u), sign * c / norm, Vectors.scaled(norm, a)),
                sign < 0);
    }

    /** Units on the same hyperplane (within τ) merged: α added, the first one's (u, β) kept. */
    private static List<CanonicalUnit> merge(List<CanonicalUnit> units, double tolerance) {
        List<CanonicalUnit> clusters = new ArrayList<>();
        List<double[]> alphas = new ArrayList<>();
        for (CanonicalUnit unit : units) {
            int k = 0;
            while (k < clusters.size() && !clusters.get(k).sameHyperplane(unit, tolerance)) {
                k++;
            }
            if (k == clusters.size()) {
                clusters.add(unit);
                alphas.add(unit.alpha());
            } else {
                Vectors.axpy(1, unit.alpha(), alphas.get(k));
            }
        }
        List<CanonicalUnit> merged = new ArrayList<>();
        for (int k = 0; k < clusters.size(); k++) {
            merged.add(new CanonicalUnit(clusters.get(k).u(), clusters.get(k).beta(), alphas.get(k)));
        }
        return merged;
    }

    /** K, the number of distinct hyperplanes where f is not differentiable. */
    public int hyperplaneCount() {
        return units.size();
    }

    public CanonicalUnit unit(int k) {
        return units.get(k);
    }

    @Override
    public double[][] linear() {
        return Vectors.deepCopy(linear);
    }

    /** G[i][j]. */
    public double linear(int i, int j) {
        return linear[i][j];
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    /** Whether G ≠ 0: some entry exceeds τ in magnitude. */
    public boolean hasLinearPart(double tolerance) {
        for (double[] row : linear) {
            if (Vectors.normInf(row) > tolerance) {
                return true;
            }
        }
        return false;
    }

    /** f(x) from the canonical form. Not modified: x. */
    public double[] evaluate(double[] x) {
        if (x.length != inputSize) {
            throw new IllegalArgumentException("input has " + x.length + " entries but the form takes " + inputSize);
        }
        double[] y = offset.clone();
        for (int i = 0; i < outputSize; i++) {
            y[i] += Vectors.dot(linear[i], x);
        }
        for (CanonicalUnit unit : units) {
            double s = Math.max(unit.preActivation(x), 0);
            for (int i = 0; i < outputSize; i++) {
                y[i] += unit.alpha(i) * s;
            }
        }
        return y;
    }

    /**
     * Whether the two forms agree within τ: same shapes, units matched one to one with
     * (u, β, α) within τ entry-wise, and G, g within τ.
     */
    public boolean agreesWith(CanonicalForm other, double tolerance) {
        if (other.inputSize != inputSize || other.outputSize != outputSize || other.units.size() != units.size()
                || !Vectors.within(offset, other.offset, tolerance)) {
            return false;
        }
        for (int i = 0; i < outputSize; i++) {
            if (!Vectors.within(linear[i], other.linear[i], tolerance)) {
                return false;
            }
        }
        boolean[] used = new boolean[units.size()];
        for (CanonicalUnit unit : units) {
            int k = 0;
            while (k < used.length && (used[k] || !unit.sameHyperplane(other.units.get(k), tolerance)
                    || !Vectors.within(unit.alpha(), other.units.get(k).alpha(), tolerance))) {
                k++;
            }
            if (k == used.length) {
                return false;
            }
            used[k] = true;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalForm f && f.inputSize == inputSize && f.outputSize == outputSize
                && f.units.equals(units) && Arrays.deepEquals(f.linear, linear) && Arrays.equals(f.offset, offset);
    }

    @Override
    public int hashCode() {
        return units.hashCode() * 31 + Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "CanonicalForm[" + units.size() + " units, G=" + Arrays.deepToString(linear) + ", g="
                + Arrays.toString(offset) + "]";
    }
}

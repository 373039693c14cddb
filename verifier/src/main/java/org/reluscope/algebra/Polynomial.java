package org.reluscope.algebra;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sparse polynomial p = Σ_t c_t · m_t(y) with real (double) coefficients in named
 * variables y_0, …, y_{N−1}. A monomial is stored as the sorted list of the indices of its
 * variables with repetition (y0²·y3 is [0, 0, 3]), so a monomial of degree d costs d ints
 * however many variables the ring has.
 *
 * <p>Polynomials combined by {@link #plus}, {@link #times} etc. must share one variable list
 * (the ring); mixing rings is an IllegalArgumentException. Terms are kept in a canonical order
 * (degree descending, then lexicographic in the variable indices), so {@link #equals} compares
 * polynomials exactly. Exactly-zero coefficients are dropped; round-off residues are not,
 * until {@link #cleaned(double)} is asked for.
 *
 * <p>Immutable.
 */
public final class Polynomial {
    /** How far (in units in the last place of the largest coefficient) a coefficient may move when cleaned. */
    private static final double SNAP_ULPS = 32;

    private final List<String> variables;
    private final int[][] monomials;
    private final double[] coefficients;

    private Polynomial(List<String> variables, int[][] monomials, double[] coefficients) {
        this.variables = variables;
        this.monomials = monomials;
        this.coefficients = coefficients;
    }

    /** The zero polynomial of the ring with these variable names. */
    public static Polynomial zero(List<String> variables) {
        return new Polynomial(List.copyOf(variables), new int[0][], new double[0]);
    }

    public static Polynomial constant(List<String> variables, double c) {
        return linear(variables, new double[variables.size()], c);
    }

    /** The variable y_index. */
    public static Polynomial variable(List<String> variables, int index) {
        Objects.checkIndex(index, variables.size());
        return new Polynomial(List.copyOf(variables), new int[][] {{index}}, new double[] {1});
    }

    /**
     * Σ a_i y_i + a_0.
     *
     * @param a one coefficient per variable. Not modified.
     */
    public static Polynomial linear(List<String> variables, double[] a, double constant) {
        if (a.length != variables.size()) {
            throw new IllegalArgumentException("linear form has " + a.length + " coefficients but the ring has "
                    + variables.size() + " variables");
        }
        Accumulator acc = new Accumulator();
        for (int i = 0; i < a.length; i++) {
            acc.add(new int[] {i}, a[i]);
        }
        acc.add(new int[0], constant);
        return acc.build(List.copyOf(variables));
    }

    public List<String> variables() {
        return variables;
    }

    public int termCount() {
        return coefficients.length;
    }

    public boolean isZero() {
        return coefficients.length == 0;
    }

    public double coefficient(int term) {
        return coefficients[term];
    }

    /** The variable indices of term t with repetition, sorted (copied). */
    public int[] monomial(int term) {
        return monomials[term].clone();
    }

    /** Total degree (−1 for the zero polynomial). */
    public int degree() {
        return monomials.length == 0 ? -1 : monomials[0].length;
    }

    /** The largest absolute coefficient (0 for the zero polynomial). */
    public double coefficientScale() {
        double s = 0;
        for (double c : coefficients) {
            s = Math.max(s, Math.abs(c));
        }
        return s;
    }

    public Polynomial plus(Polynomial other) {
        requireSameRing(other);
        Accumulator acc = new Accumulator();
        acc.addAll(this, 1);
        acc.addAll(other, 1);
        return acc.build(variables);
    }

    public Polynomial minus(Polynomial other) {
        requireSameRing(other);
        Accumulator acc = new Accumulator();
        acc.addAll(this, 1);
        acc.addAll(other, -1);
        return acc.build(variables);
    }

    public Polynomial scaled(double s) {
        Accumulator acc = new Accumulator();
        acc.addAll(this, s);
        return acc.build(variables);
    }

    /** The expanded product. */
    public Polynomial times(Polynomial other) {
        requireSameRing(other);
        Accumulator acc = new Accumulator();
        for (int s = 0; s < monomials.length; s++) {
            for (int t = 0; t < other.monomials.length; t++) {
                acc.add(merge(monomials[s], other.monomials[t]), coefficients[s] * other.coefficients[t]);
            }
        }
        return acc.build(variables);
    }

    /** p(y). Not modified: y (one value per variable). */
    public double evaluate(double[] y) {
        checkPoint(y);
        double s = 0;
        for (int t = 0; t < monomials.length; t++) {
            s += coefficients[t] * monomialValue(monomials[t], y);
        }
        return s;
    }

    /**
     * Σ_t |c_t|·|m_t(y)|: the size of the terms that cancel when p(y) = 0. Round-off in
     * evaluating p, or in its coefficients, is a multiple of this, so it is the scale against
     * which a residual is judged. Not modified: y.
     */
    public double termMagnitude(double[] y) {
        checkPoint(y);
        double s = 0;
        for (int t = 0; t < monomials.length; t++) {
            s += Math.abs(coefficients[t] * monomialValue(monomials[t], y));
        }
        return s;
    }

    /**
     * |p(y)| / Σ_t |c_t·m_t(y)|, in [0, 1]: about 1e-16 when y satisfies p = 0 up to round-off,
     * of order 1 when it clearly does not. Defined as 0 when every term vanishes at y.
     * Not modified: y.
     */
    public double relativeResidual(double[] y) {
        double scale = termMagnitude(y);
        return scale == 0 ? 0 : Math.abs(evaluate(y)) / scale;
    }

    /**
     * The same polynomial with round-off residues removed: coefficients at most
     * {@code relativeTolerance}·(largest |coefficient|) are dropped, and each other coefficient
     * is replaced by its shortest decimal rounding (at most 15 significant digits) that lies
     * within a few units in the last place of the largest coefficient, so that
     * 0.5000000000000001 prints as 0.5 while a genuinely irrational-looking coefficient keeps
     * its digits.
     */
    public Polynomial cleaned(double relativeTolerance) {
        double scale = coefficientScale();
        double drop = relativeTolerance * scale;
        double snap = SNAP_ULPS * Math.ulp(scale);
        Accumulator acc = new Accumulator();
        for (int t = 0; t < monomials.length; t++) {
            double c = coefficients[t];
            if (Math.abs(c) > drop) {
                acc.add(monomials[t], shortestNear(c, snap));
            }
        }
        return acc.build(variables);
    }

    /** The same polynomial times ±1 so that its first term has a positive coefficient. */
    public Polynomial withPositiveLeadingCoefficient() {
        return isZero() || coefficients[0] > 0 ? this : scaled(-1);
    }

    private static double shortestNear(double c, double snap) {
        for (int digits = 1; digits <= 15; digits++) {
            double r = new BigDecimal(c).round(new MathContext(digits)).doubleValue();
            if (Math.abs(r - c) <= snap) {
                return r;
            }
        }
        return c;
    }

    private static double monomialValue(int[] m, double[] y) {
        double v = 1;
        for (int i : m) {
            v *= y[i];
        }
        return v;
    }

    private void checkPoint(double[] y) {
        if (y.length != variables.size()) {
            throw new IllegalArgumentException("point has " + y.length + " values but the ring has "
                    + variables.size() + " variables");
        }
    }

    private void requireSameRing(Polynomial other) {
        if (other.variables != variables && !other.variables.equals(variables)) {
            throw new IllegalArgumentException("polynomials in different rings: " + abbreviate(variables) + " and "
                    + abbreviate(other.variables));
        }
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 6 ? names.toString() : names.subList(0, 6) + "… (" + names.size() + " variables)";
    }

    private static int[] merge(int[] a, int[] b) {
        int[] m = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            m[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            m[k++] = a[i++];
        }
        while (j < b.length) {
            m[k++] = b[j++];
        }
        return m;
    }

    /** Degree descending, then lexicographic in the variable indices. */
    private static int compareMonomials(int[] a, int[] b) {
        if (a.length != b.length) {
            return Integer.compare(b.length, a.length);
        }
        return Arrays.compare(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && p.variables.equals(variables) && Arrays.equals(p.coefficients, coefficients)
                && Arrays.deepEquals(p.monomials, monomials);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(monomials) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return PolynomialSyntax.TEXT.format(this);
    }

    /** Sums terms by monomial; the only way polynomials are made, so terms are always canonical. */
    private static final class Accumulator {
        private final Map<Key, double[]> terms = new HashMap<>();

        void add(int[] monomial, double c) {
            if (c != 0) {
                terms.computeIfAbsent(new Key(monomial), k -> new double[1])[0] += c;
            }
        }

        void addAll(Polynomial p, double factor) {
            for (int t = 0; t < p.monomials.length; t++) {
                add(p.monomials[t], p.coefficients[t] * factor);
            }
        }

        Polynomial build(List<String> variables) {
            List<Map.Entry<Key, double[]>> kept = new ArrayList<>();
            for (Map.Entry<Key, double[]> e : terms.entrySet()) {
                if (e.getValue()[0] != 0) {
                    kept.add(e);
                }
            }
            kept.sort((x, y) -> compareMonomials(x.getKey().factors, y.getKey().factors));
            int[][] monomials = new int[kept.size()][];
            double[] coefficients = new double[kept.size()];
            for (int t = 0; t < kept.size(); t++) {
                monomials[t] = kept.get(t).getKey().factors;
                coefficients[t] = kept.get(t).getValue()[0];
            }
            return new Polynomial(variables, monomials, coefficients);
        }
    }

    /** A monomial as a hash key (arrays compare by identity otherwise). */
    private static final class Key {
        private final int[] factors;
        private final int hash;

        Key(int[] factors) {
            this.factors = factors;
            this.hash = Arrays.hashCode(factors);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.factors, factors);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

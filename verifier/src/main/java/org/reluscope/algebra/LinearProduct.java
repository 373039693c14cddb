package org.reluscope.algebra;

import java.util.List;

/**
 * A product ℓ_1·ℓ_2·…·ℓ_h of polynomials (in practice linear forms, one per affine hull)
 * kept factored: the factored form is what a reader and a computer-algebra system want, and
 * its expansion can have C(m + h, h) terms.
 *
 * @param factors at least one, all in one ring
 */
public record LinearProduct(List<Polynomial> factors) {
    public LinearProduct {
        factors = List.copyOf(factors);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a product needs at least one factor");
        }
    }

    /** The expanded polynomial. */
    public Polynomial expand() {
        Polynomial p = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            p = p.times(factors.get(i));
        }
        return p;
    }

    public int degree() {
        int d = 0;
        for (Polynomial f : factors) {
            d += f.degree();
        }
        return d;
    }

    /** ∏ ℓ_i(y). Not modified: y. */
    public double evaluate(double[] y) {
        double v = 1;
        for (Polynomial f : factors) {
            v *= f.evaluate(y);
        }
        return v;
    }

    /**
     * |∏ ℓ_i(y)| / ∏ (Σ_t |c_t m_t(y)|)_i = ∏ of the factors' relative residuals: the
     * product's residual against the scale of its factors. Not modified: y.
     */
    public double relativeResidual(double[] y) {
        double r = 1;
        for (Polynomial f : factors) {
            r *= f.relativeResidual(y);
        }
        return r;
    }

    /** The product in a syntax, factors in parentheses. */
    public String format(PolynomialSyntax syntax) {
        return syntax.formatProduct(factors);
    }
}

package org.reluscope.symmetry;

import java.math.BigInteger;

/**
 * The orbit of a shallow network's parameters under its symmetry group S_N ⋉ (ℝ_{&gt;0})^N
 * (permuting the N hidden units, and scaling unit h by λ_h &gt; 0: input weights and bias
 * times λ_h, output weights divided by it): N! permutations times an N-dimensional family of
 * scalings. For generic parameters ({@link Genericity}) this orbit is the whole set of width-N
 * parameters computing the same function; otherwise that set is larger, and
 * {@code complete} is false.
 *
 * @param permutations     N!
 * @param scalingDimension N, the dimension of the positive scalings
 * @param complete         whether the orbit is all of the function's width-N parameters
 */
public record SymmetryOrbit(BigInteger permutations, int scalingDimension, boolean complete) {

    /** The orbit of a width-N network whose parameters are (or are not) generic. */
    public static SymmetryOrbit of(int width, boolean generic) {
        BigInteger factorial = BigInteger.ONE;
        for (int k = 2; k <= width; k++) {
            factorial = factorial.multiply(BigInteger.valueOf(k));
        }
        return new SymmetryOrbit(factorial, width, generic);
    }
}

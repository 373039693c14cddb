package org.reluscope.symmetry;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.reluscope.numeric.Vectors;

/**
 * Whether the parameters of a shallow network are generic, i.e. identifiable up to
 * permutation and positive scaling of the hidden units: every other parameter of the same
 * width computing the same function is in that orbit. The conditions (within τ):
 * <ol>
 *   <li>every unit is alive (a_h ≠ 0) and not constant (w_h ≠ 0);</li>
 *   <li>no two units have proportional (w_h, c_h), either sign — else output weights can be
 *       traded between them (same side) or an affine term moved (opposite sides);</li>
 *   <li>no non-empty set S of units has Σ_{h∈S} a_h w_hᵀ = 0 — else flipping every unit of S
 *       (w, c) → (−w, −c) changes f by Σ_S a_h (w_h·x + c_h), a constant the output bias
 *       absorbs.</li>
 * </ol>
 * Condition 3 is a vector subset sum, decided exactly within the search budget; when the
 * budget runs out the status is {@link Status#UNDECIDED}.
 *
 * @param status what was found
 * @param reason the violated condition, naming the units (0-based), or a short confirmation
 */
public record Genericity(Status status, String reason) {

    /** The three possible answers. */
    public enum Status {
        /** Every condition holds: the parameters are identifiable up to permutation and scaling. */
        GENERIC,
        /** Some condition fails; {@code reason} says which. */
        DEGENERATE,
        /** The subset condition could not be decided within the search budget. */
        UNDECIDED
    }

    public Genericity {
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
    }

    /** Checks the conditions above on the network's own parameters. */
    public static Genericity of(ShallowNetwork net, SymmetryOptions options) {
        double tol = options.tolerance();
        int width = net.width();
        double[][] hyperplanes = new double[width][];
        double[][] products = new double[width][];
        for (int h = 0; h < width; h++) {
            double[] a = net.outputWeights(h);
            double[] w = net.inputWeights(h);
            if (Vectors.normInf(a) <= tol) {
                return degenerate("unit " + h + " is dead (its output weights are 0)");
            }
            if (Vectors.normInf(w) <= tol) {
                return degenerate("unit " + h + " is constant (its input weights are 0)");
            }
            double[] wc = Arrays.copyOf(w, w.length + 1);
            wc[w.length] = net.hiddenBias(h);
            hyperplanes[h] = Vectors.scaled(1 / Vectors.norm2(wc), wc);
            products[h] = Vectors.outer(a, w);
        }
        for (int h = 0; h < width; h++) {
            for (int j = h + 1; j < width; j++) {
                if (Vectors.within(hyperplanes[h], hyperplanes[j], tol)
                        || Vectors.within(hyperplanes[h], Vectors.scaled(-1, hyperplanes[j]), tol)) {
                    return degenerate("units " + h + " and " + j + " lie on the same hyperplane");
                }
            }
        }
        int d = net.outputSize() * net.inputSize();
        SubsetSum.Result r = SubsetSum.search(products, new double[d], tol, true, null, options.searchBudget());
        return switch (r.outcome()) {
            case FOUND -> degenerate("flipping units " + IntStream.range(0, width).filter(h -> r.subset()[h])
                    .mapToObj(Integer::toString).collect(Collectors.joining(", "))
                    + " keeps the function: their output × input weights sum to 0");
            case NONE -> new Genericity(Status.GENERIC, "identifiable up to permutation and positive scaling");
            case BUDGET_EXHAUSTED -> new Genericity(Status.UNDECIDED,
                    "the search for a vanishing subset of output × input weights ran out of budget");
        };
    }

    public boolean isGeneric() {
        return status == Status.GENERIC;
    }

    private static Genericity degenerate(String reason) {
        return new Genericity(Status.DEGENERATE, reason);
    }
}

package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.reluscope.numeric.Svd;

/**
 * The dimension of a pattern variety and its equations.
 *
 * <p>The image of the polynomial map θ ↦ Y(θ) ({@link VarietyProblem}) has dimension equal to
 * the rank of its Jacobian at a generic θ (the rank is lower only on a proper subvariety of
 * parameter space). We evaluate the exact Jacobian ({@link PatternJacobian}) at several
 * independent Gaussian parameter draws and take the numerical rank of each (singular values
 * above tolerance·σ_1); the dimension reported is the largest, and whether the draws agreed is
 * reported with it. Each draw's rank gap σ_r/σ_{r+1} says how clear the rank was.
 *
 * <p>The <i>expected</i> dimension is min(n_L·k, #parameters − #hidden units used): the
 * parameter count less one for the positive rescaling of each hidden unit that is active at
 * some point (scaling its incoming weights by α &gt; 0 and its outgoing ones by 1/α does not
 * change the outputs). The variety is <i>defective</i> when the Jacobian rank is smaller.
 */
public final class PatternVariety {

    /**
     * @param draws       number of random parameter draws (≥ 1)
     * @param seed        seed of the draws
     * @param tolerance   relative rank tolerance
     * @param constraints options of the equations
     */
    public record Options(int draws, long seed, double tolerance, DeterminantalConstraints.Options constraints) {
        public static final Options DEFAULT = new Options(3, 1, 1e-9, DeterminantalConstraints.Options.DEFAULT);

        public Options {
            if (draws < 1) {
                throw new IllegalArgumentException("need at least one draw, got " + draws);
            }
        }
    }

    /**
     * @param dimension         the largest Jacobian rank over the draws
     * @param ranks             the rank of each draw
     * @param rankGaps          σ_r/σ_{r+1} of each draw
     * @param ambientDimension  n_L·k
     * @param parameters        the number of parameters
     * @param hiddenUnitsUsed   hidden units active at some point
     * @param expectedDimension min(n_L·k, parameters − hidden units used)
     * @param constraints       the equations
     */
    public record Result(int dimension, int[] ranks, double[] rankGaps, int ambientDimension, int parameters,
                         int hiddenUnitsUsed, int expectedDimension, DeterminantalConstraints.Result constraints) {
        public boolean drawsAgree() {
            for (int r : ranks) {
                if (r != ranks[0]) {
                    return false;
                }
            }
            return true;
        }

        /** expected − actual dimension (0 when the variety has the expected dimension). */
        public int defect() {
            return expectedDimension - dimension;
        }
    }

    private PatternVariety() {
    }

    public static Result analyse(VarietyProblem problem, Options options) {
        Random random = new Random(options.seed());
        int params = problem.parameterCount();
        int rows = problem.outputs() * problem.pointCount();
        int[] ranks = new int[options.draws()];
        double[] gaps = new double[options.draws()];
        for (int d = 0; d < options.draws(); d++) {
            double[] theta = gaussian(random, params);
            double[] jac = PatternJacobian.jacobian(problem, theta);
            // decompose the side with fewer columns: Jacobi work grows with the square of the column count
            Svd svd = params <= rows ? Svd.of(rows, params, jac) : Svd.ofTranspose(rows, params, jac);
            ranks[d] = svd.rank(options.tolerance());
            gaps[d] = svd.rankGap(options.tolerance());
        }
        int dimension = 0;
        for (int r : ranks) {
            dimension = Math.max(dimension, r);
        }
        int used = problem.hiddenUnitsUsed();
        int expected = Math.max(0, Math.min(rows, params - used));
        return new Result(dimension, ranks, gaps, rows, params, used, expected,
                DeterminantalConstraints.of(problem, options.constraints()));
    }

    /** k Gaussian points in ℝ^n: generic inputs (in general position with probability 1). */
    public static double[][] randomPoints(int k, int n, long seed) {
        Random random = new Random(seed);
        double[][] points = new double[k][];
        for (int j = 0; j < k; j++) {
            points[j] = gaussian(random, n);
        }
        return points;
    }

    /**
     * {@code blocks} random patterns (each hidden unit active with probability ½) for
     * {@code k} points, assigned in contiguous runs of near-equal size: points 0.. share
     * pattern 0, and so on.
     */
    public static boolean[][][] randomPatterns(int[] widths, int k, int blocks, long seed) {
        if (blocks < 1 || blocks > k) {
            throw new IllegalArgumentException("need between 1 and " + k + " pattern blocks, got " + blocks);
        }
        Random random = new Random(seed);
        List<boolean[][]> drawn = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            boolean[][] p = new boolean[widths.length - 2][];
            for (int l = 0; l < p.length; l++) {
                p[l] = new boolean[widths[l + 1]];
                for (int i = 0; i < p[l].length; i++) {
                    p[l][i] = random.nextBoolean();
                }
            }
            drawn.add(p);
        }
        boolean[][][] patterns = new boolean[k][][];
        for (int j = 0; j < k; j++) {
            patterns[j] = drawn.get((int) ((long) j * blocks / k));
        }
        return patterns;
    }

    private static double[] gaussian(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}

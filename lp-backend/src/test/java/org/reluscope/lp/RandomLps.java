package org.reluscope.lp;

import java.util.Random;

/**
 * Seeded random LPs of the shapes the verifier produces: boxed input variables (region LPs of
 * an activation pattern: dense one-sided rows over the inputs), a share of sparse, ranged and
 * equality rows (relaxation LPs), and a random objective. Each LP is built to be feasible,
 * infeasible or unbounded by construction, so the intended status is an oracle too.
 */
public final class RandomLps {
    /** What an LP was built to be. */
    public enum Kind { FEASIBLE, INFEASIBLE, UNBOUNDED }

    /** An LP and what it was built to be. */
    public record Instance(LinearProgram lp, Kind kind) {
    }

    private RandomLps() {
    }

    /**
     * @param n variables (the bounded ones; UNBOUNDED adds one more, unbounded above)
     * @param m rows before the kind-specific ones
     */
    public static Instance generate(Random random, int n, int m, Kind kind) {
        LinearProgram.Builder b = LinearProgram.builder();
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            double centre = random.nextInt(4) == 0 ? random.nextGaussian() : 0;
            double radius = 0.05 + random.nextDouble();
            lo[j] = centre - radius;
            hi[j] = centre + radius;
            x0[j] = lo[j] + (hi[j] - lo[j]) * random.nextDouble();
            b.addVariable(lo[j], hi[j]);
        }
        int extra = kind == Kind.UNBOUNDED ? b.addVariable(0, Double.POSITIVE_INFINITY) : -1;
        double sparsity = random.nextInt(3) == 0 ? Math.min(1, 4.0 / n) : 1;
        int tight = 0;
        for (int i = 0; i < m; i++) {
            double[] a = row(random, n + (extra >= 0 ? 1 : 0), n, sparsity);
            double ax = dot(a, x0, n);
            // fewer than n rows through x0: more would be consistent only up to rounding
            boolean mayBeTight = tight < n - 1;
            if (addFeasibleRow(b, random, a, ax, extra, mayBeTight)) {
                tight++;
            }
        }
        if (kind == Kind.INFEASIBLE) {
            addContradiction(b, random, n, lo, hi, x0);
        }
        double[] c = new double[n + (extra >= 0 ? 1 : 0)];
        for (int j = 0; j < n; j++) {
            c[j] = random.nextGaussian();
        }
        Sense sense = random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE;
        if (extra >= 0) {
            c[extra] = (sense == Sense.MINIMIZE ? -1 : 1) * (0.1 + random.nextDouble());
        }
        b.objective(c, random.nextGaussian(), sense);
        return new Instance(b.build(), kind);
    }

    /** A random row over n+extra columns, entries zero with probability 1 − density (never all zero). */
    private static double[] row(Random random, int columns, int n, double density) {
        double[] a = new double[columns];
        for (int j = 0; j < n; j++) {
            if (random.nextDouble() < density) {
                a[j] = random.nextGaussian();
            }
        }
        a[random.nextInt(n)] = random.nextGaussian();
        return a;
    }

    private static double dot(double[] a, double[] x, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += a[j] * x[j];
        }
        return s;
    }

    /**
     * A row x0 satisfies: ≤, ≥, ranged or (rarely) equality, with slack 0 now and then (tight
     * rows make degenerate vertices) when {@code mayBeTight}. With an unbounded extra column,
     * its coefficient keeps the row satisfied as that variable grows. Returns whether the row
     * passes through x0.
     */
    private static boolean addFeasibleRow(LinearProgram.Builder b, Random random, double[] a, double ax, int extra,
                                          boolean mayBeTight) {
        double slack = mayBeTight && random.nextInt(6) == 0 ? 0 : 0.01 + random.nextDouble() * 2;
        int type = random.nextInt(10);
        if (type == 9 && !mayBeTight) {
            type = 2;
        }
        if (extra >= 0) {
            type = type < 5 ? 0 : 1;
        }
        if (type == 0) {
            if (extra >= 0) {
                a[extra] = -random.nextDouble();
            }
            b.addDenseRow(a, Double.NEGATIVE_INFINITY, ax + slack);
        } else if (type == 1) {
            if (extra >= 0) {
                a[extra] = random.nextDouble();
            }
            b.addDenseRow(a, ax - slack, Double.POSITIVE_INFINITY);
        } else if (type < 9) {
            b.addDenseRow(a, ax - slack, ax + random.nextDouble());
        } else {
            b.addDenseRow(a, ax, ax);
            return true;
        }
        return slack == 0;
    }

    /** Either a row no point of the box satisfies, or a pair of rows that contradict each other. */
    private static void addContradiction(LinearProgram.Builder b, Random random, int n, double[] lo, double[] hi,
                                         double[] x0) {
        double[] a = row(random, n, n, 1);
        double gap = random.nextBoolean() ? 1e-3 : 0.5;
        if (random.nextBoolean()) {
            double max = 0;
            for (int j = 0; j < n; j++) {
                max += Math.max(a[j] * lo[j], a[j] * hi[j]);
            }
            b.addDenseRow(a, max + gap, Double.POSITIVE_INFINITY);
        } else {
            double ax = dot(a, x0, n);
            b.addDenseRow(a, ax + gap, Double.POSITIVE_INFINITY);
            b.addDenseRow(a, Double.NEGATIVE_INFINITY, ax);
        }
    }
}

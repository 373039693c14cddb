package org.reluscope.lp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SafeObjectiveBound#overBall}: the maximum of a linear function over a polytope ∩ ball.
 * Oracles: the closed form g·x0 + r‖g‖ over a plain ball, checked exactly in BigDecimal (the
 * bound must not be below it, and within 1e-12 relative above it); with rows, 20,000 sampled
 * points of polytope ∩ ball (never above the bound), the tangent-cut LP's own dual bound (never
 * tighter than ours) and the cut loop run to convergence (ours after 4 rounds is less than half as far from it, summed).
 */
class BallObjectiveBoundTest {
    private static final MathContext EXACT = MathContext.UNLIMITED;

    @Test
    void plainBallEqualsTheClosedFormFromAbove() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            double r = Math.exp(random.nextGaussian());
            double[] x0 = gaussian(random, n);
            double[] g = gaussian(random, n);
            LinearProgram lp = boundingBox(x0, r).objective(g, 0, Sense.MAXIMIZE).build();
            double bound = SafeObjectiveBound.overBall(lp, new double[0], new double[n], x0, r);
            // bound ≥ g·x0 + r‖g‖  ⇔  (bound − g·x0) ≥ 0 and (bound − g·x0)² ≥ r²‖g‖², exactly
            BigDecimal excess = new BigDecimal(bound);
            BigDecimal norm2 = BigDecimal.ZERO;
            double value = 0;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                excess = excess.subtract(new BigDecimal(g[j]).multiply(new BigDecimal(x0[j]), EXACT));
                norm2 = norm2.add(new BigDecimal(g[j]).multiply(new BigDecimal(g[j]), EXACT));
                value += g[j] * x0[j];
                squares += g[j] * g[j];
            }
            BigDecimal rr = new BigDecimal(r).multiply(new BigDecimal(r), EXACT);
            assertTrue(excess.signum() >= 0 && excess.multiply(excess, EXACT).compareTo(rr.multiply(norm2, EXACT)) >= 0,
                    "trial " + trial + ": " + bound + " below the maximum");
            double closed = value + r * Math.sqrt(squares);
            assertTrue(bound - closed <= 1e-12 * (1 + Math.abs(closed) + r * Math.sqrt(squares)),
                    "trial " + trial + ": " + bound + " vs " + closed);
        }
    }

    @Test
    void withRowsSoundAndTighterThanTheCutLp() {
        Random random = new Random(3);
        LpSolver glop = LpSolvers.create("glop");
        double oursGap = 0;
        double cutGap = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + trial % 3;
            double r = 0.5 + random.nextDouble();
            double[] x0 = gaussian(random, n);
            double[] g = gaussian(random, n);
            LinearProgram.Builder b = boundingBox(x0, r);
            List<double[]> rows = new ArrayList<>();
            List<Double> rhs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                double[] a = gaussian(random, n);
                double c = 0;
                for (int j = 0; j < n; j++) {
                    c += a[j] * x0[j];
                }
                rows.add(a);
                rhs.add(c + 0.3 * r * random.nextGaussian() + 0.2 * r);
                b.addLessOrEqual(a, rhs.get(i));
            }
            LinearProgram lp = b.objective(g, 0, Sense.MAXIMIZE).build();
            double[] early = cutLoop(glop, lp, x0, r, 4);
            double[] converged = cutLoop(glop, lp, x0, r, 400);
            if (Double.isNaN(early[0])) {
                continue; // the polytope misses the ball's box: nothing to bound
            }
            double ours = early[1];
            double sampled = sampledMaximum(random, x0, r, rows, rhs, g);
            assertTrue(ours >= sampled, "trial " + trial + ": bound " + ours + " below sampled " + sampled);
            assertTrue(ours <= early[0] + 1e-9 * (1 + Math.abs(early[0])), "trial " + trial + ": looser than the cut LP");
            oursGap += ours - converged[0];
            cutGap += early[0] - converged[0];
        }
        assertTrue(oursGap < 0.5 * cutGap, "gap to the converged loop: ours " + oursGap + ", cut LP " + cutGap);
    }

    /** {cut LP safe bound, overBall bound} after {@code rounds} rounds of tangent cuts; NaN when not optimal. */
    private static double[] cutLoop(LpSolver solver, LinearProgram lp, double[] x0, double r, int rounds) {
        int n = x0.length;
        List<double[]> cuts = new ArrayList<>();
        try (IncrementalLp session = solver.open(lp)) {
            LpResult result = session.solve();
            for (int round = 1; round < rounds && result.status().isOptimal(); round++) {
                double[] d = new double[n];
                double norm = 0;
                double rhs = 0;
                for (int j = 0; j < n; j++) {
                    d[j] = result.primal()[j] - x0[j];
                    norm += d[j] * d[j];
                }
                norm = Math.sqrt(norm);
                if (norm <= r * (1 + 1e-12)) {
                    break;
                }
                for (int j = 0; j < n; j++) {
                    rhs += d[j] * x0[j];
                }
                int[] idx = new int[n];
                for (int j = 0; j < n; j++) {
                    idx[j] = j;
                }
                session.addRow(idx, d, Double.NEGATIVE_INFINITY, Math.nextUp(rhs + Math.nextUp(norm * r) * (1 + 1e-15)));
                cuts.add(d);
                result = session.solve();
            }
            if (!result.status().isOptimal()) {
                return new double[] {Double.NaN, Double.NaN};
            }
            int m = lp.rowCount();
            double[] y = result.rowDuals();
            double[] reduced = lp.objective().clone();
            for (int i = 0; i < y.length; i++) {
                double[] a = i < m ? dense(lp.row(i), n) : cuts.get(i - m);
                for (int j = 0; j < n; j++) {
                    reduced[j] -= y[i] * a[j];
                }
            }
            double ours = SafeObjectiveBound.overBall(lp, Arrays.copyOf(y, m), reduced, x0, r);
            return new double[] {result.safeBound(), ours};
        }
    }

    private static double sampledMaximum(Random random, double[] x0, double r, List<double[]> rows, List<Double> rhs,
                                         double[] g) {
        int n = x0.length;
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < 20_000; s++) {
            double[] u = gaussian(random, n);
            double norm = 0;
            for (double v : u) {
                norm += v * v;
            }
            double scale = r * Math.pow(random.nextDouble(), 1.0 / n) / Math.sqrt(norm);
            double[] x = new double[n];
            double value = 0;
            for (int j = 0; j < n; j++) {
                x[j] = x0[j] + scale * u[j];
                value += g[j] * x[j];
            }
            boolean inside = true;
            for (int i = 0; i < rows.size() && inside; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += rows.get(i)[j] * x[j];
                }
                inside = ax <= rhs.get(i);
            }
            if (inside) {
                best = Math.max(best, value);
            }
        }
        return best;
    }

    private static LinearProgram.Builder boundingBox(double[] x0, double r) {
        LinearProgram.Builder b = LinearProgram.builder();
        for (double c : x0) {
            b.addVariable(c - r, c + r);
        }
        return b;
    }

    private static double[] dense(LinearProgram.Row row, int n) {
        double[] a = new double[n];
        for (int k = 0; k < row.indices().length; k++) {
            a[row.indices()[k]] = row.values()[k];
        }
        return a;
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }
}

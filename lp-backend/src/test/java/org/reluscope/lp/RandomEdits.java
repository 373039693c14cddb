package org.reluscope.lp;

import java.util.Random;

/** Random edits of an {@link IncrementalLp} of the kinds region enumeration and branch-and-bound make. */
final class RandomEdits {
    private RandomEdits() {
    }

    /** One edit: add a row (now and then one that cuts everything off), remove rows, change bounds or the objective. */
    static void apply(Random random, IncrementalLp session, int n) {
        LinearProgram now = session.snapshot();
        int op = random.nextInt(20);
        if (op < 7 || now.rowCount() == 0) {
            double[] p = pointInBox(random, now);
            double[] a = new double[n];
            double ap = 0;
            for (int j = 0; j < n; j++) {
                a[j] = random.nextGaussian();
                ap += a[j] * p[j];
            }
            double slack = random.nextInt(8) == 0 ? -2 - random.nextDouble() * 5 : random.nextDouble();
            int[] idx = new int[n];
            for (int j = 0; j < n; j++) {
                idx[j] = j;
            }
            session.addRow(idx, a, Double.NEGATIVE_INFINITY, ap + slack);
        } else if (op < 12) {
            session.removeLastRows(1 + random.nextInt(Math.min(3, now.rowCount())));
        } else if (op < 15) {
            int i = random.nextInt(now.rowCount());
            double[] p = pointInBox(random, now);
            double ap = now.row(i).dot(p);
            session.setRowBounds(i, ap - random.nextDouble() * 2, ap + random.nextDouble() * 2);
        } else if (op < 18) {
            int j = random.nextInt(n);
            double mid = now.lower(j) + (now.upper(j) - now.lower(j)) * random.nextDouble();
            session.setVariableBounds(j, mid - random.nextDouble(), mid + random.nextDouble());
        } else {
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = random.nextGaussian();
            }
            session.setObjective(c, random.nextGaussian(), random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE);
        }
    }

    private static double[] pointInBox(Random random, LinearProgram lp) {
        double[] p = new double[lp.variableCount()];
        for (int j = 0; j < p.length; j++) {
            p[j] = lp.lower(j) + (lp.upper(j) - lp.lower(j)) * random.nextDouble();
        }
        return p;
    }
}

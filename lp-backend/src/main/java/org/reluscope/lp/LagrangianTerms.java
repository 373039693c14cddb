package org.reluscope.lp;

import static org.reluscope.lp.OutwardRounding.addDown;
import static org.reluscope.lp.OutwardRounding.mulDown;
import static org.reluscope.lp.OutwardRounding.sumDown;
import static org.reluscope.lp.OutwardRounding.sumUp;

import java.util.List;

/**
 * The two rigorous pieces every Lagrangian bound of this package needs, for multipliers y on
 * the rows lo ≤ A x ≤ hi and a base vector b:
 * <ul>
 *   <li>{@code rowPart} ≤ Σᵢ min(yᵢ loᵢ, yᵢ hiᵢ), which is ≤ yᵀA x for every feasible x;</li>
 *   <li>intervals [{@code low}ⱼ, {@code high}ⱼ] ∋ (b − Aᵀy)ⱼ, from Higham's bound on the
 *       column sums.</li>
 * </ul>
 * Multipliers that are NaN or ask for an infinite row bound are taken as 0 (allowed: the
 * bounds hold for any y).
 */
final class LagrangianTerms {
    final double rowPart;
    final double[] low;
    final double[] high;

    private LagrangianTerms(double rowPart, double[] low, double[] high) {
        this.rowPart = rowPart;
        this.low = low;
        this.high = high;
    }

    /**
     * @param base  b, one entry per variable. Not modified.
     * @param y     multipliers, one per row. Not modified.
     * @param scale ±1, multiplies y (exact)
     */
    static LagrangianTerms of(LinearProgram lp, double[] base, double[] y, double scale) {
        int n = lp.variableCount();
        List<LinearProgram.Row> rows = lp.rows();
        double[] sum = base.clone();
        double[] magnitude = new double[n];
        int[] terms = new int[n];
        for (int j = 0; j < n; j++) {
            magnitude[j] = Math.abs(base[j]);
            terms[j] = 1;
        }
        double rowPart = 0;
        for (int i = 0; i < rows.size(); i++) {
            LinearProgram.Row row = rows.get(i);
            double yi = usableMultiplier(scale * y[i], row.lower(), row.upper());
            if (yi != 0) {
                rowPart = addDown(rowPart, mulDown(yi, yi > 0 ? row.lower() : row.upper()));
                subtractColumnTerms(row, yi, sum, magnitude, terms);
            }
        }
        double[] low = new double[n];
        double[] high = new double[n];
        for (int j = 0; j < n; j++) {
            low[j] = sumDown(sum[j], magnitude[j], terms[j]);
            high[j] = sumUp(sum[j], magnitude[j], terms[j]);
        }
        return new LagrangianTerms(rowPart, low, high);
    }

    /** yᵢ, or 0 where it is NaN or would multiply an infinite bound (then it is solver noise). */
    private static double usableMultiplier(double yi, double lower, double upper) {
        if (Double.isNaN(yi) || (yi > 0 && lower == Double.NEGATIVE_INFINITY)
                || (yi < 0 && upper == Double.POSITIVE_INFINITY)) {
            return 0;
        }
        return yi;
    }

    /** sum −= yᵢ aᵢ (column-wise), accumulating |yᵢ aᵢⱼ| for the error bound. Modified: sum, magnitude, terms. */
    private static void subtractColumnTerms(LinearProgram.Row row, double yi, double[] sum, double[] magnitude,
                                            int[] terms) {
        int[] idx = row.indices();
        double[] val = row.values();
        for (int k = 0; k < idx.length; k++) {
            double p = yi * val[k];
            int j = idx[k];
            sum[j] -= p;
            magnitude[j] += Math.abs(p);
            terms[j]++;
        }
    }
}

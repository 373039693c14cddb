package org.reluscope.lp.ojalgo;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.ModelEntity;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.type.keyvalue.EntryPair;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpStatus;

/**
 * An ojAlgo {@link ExpressionsBasedModel} holding the variables and rows of a
 * {@link LinearProgram} (the objective is the caller's; integer flags are the caller's to
 * reject), and the translation of ojAlgo's results into our conventions.
 *
 * <p>Row i is the expression named {@code "i"}, so multipliers can be matched back by name.
 * Infinite bounds are left unset (ojAlgo's "no limit").
 */
final class OjModel {
    final ExpressionsBasedModel model;
    final Variable[] variables;

    OjModel(LinearProgram lp, LpOptions options) {
        Optimisation.Options o = new Optimisation.Options();
        if (options.hasTimeLimit()) {
            o.time_abort = (long) Math.ceil(Math.min(options.timeLimitSeconds() * 1000, Long.MAX_VALUE / 2.0));
        }
        model = new ExpressionsBasedModel(o);
        int n = lp.variableCount();
        variables = new Variable[n];
        for (int j = 0; j < n; j++) {
            Variable v = model.addVariable("x" + j);
            setLimits(v, lp.lower(j), lp.upper(j));
            variables[j] = v;
        }
        List<LinearProgram.Row> rows = lp.rows();
        for (int i = 0; i < rows.size(); i++) {
            LinearProgram.Row row = rows.get(i);
            Expression e = model.addExpression(Integer.toString(i));
            int[] idx = row.indices();
            double[] val = row.values();
            for (int k = 0; k < idx.length; k++) {
                e.set(variables[idx[k]], val[k]);
            }
            setLimits(e, row.lower(), row.upper());
        }
    }

    private static void setLimits(ModelEntity<?> entity, double lower, double upper) {
        if (lower != Double.NEGATIVE_INFINITY) {
            entity.lower(lower);
        }
        if (upper != Double.POSITIVE_INFINITY) {
            entity.upper(upper);
        }
    }

    /** x as ojAlgo returned it. */
    double[] primal(Optimisation.Result result) {
        double[] x = new double[variables.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = result.doubleValue(j);
        }
        return x;
    }

    /**
     * Row multipliers in the {@link org.reluscope.lp.LpResult} convention of a minimisation
     * (c − Aᵀy = reduced costs). ojAlgo reports, per constraint side, a value whose sign we
     * established empirically (and the contract tests check against KKT and GLOP): LOWER is +y,
     * UPPER and EQUALITY are −y. Rows ojAlgo's presolve removed get 0 (allowed: any y gives a
     * valid safe bound).
     */
    static double[] minimisationDuals(Optimisation.Result result, int rows) {
        double[] y = new double[rows];
        for (EntryPair.KeyedPrimitive<EntryPair<ModelEntity<?>, Optimisation.ConstraintType>> m
                : result.getMatchedMultipliers()) {
            EntryPair<ModelEntity<?>, Optimisation.ConstraintType> key = m.getKey();
            int row = rowIndex(key.getKey().getName(), rows);
            double v = m.doubleValue();
            if (row >= 0 && Double.isFinite(v)) {
                y[row] += key.getValue() == Optimisation.ConstraintType.LOWER ? v : -v;
            }
        }
        return y;
    }

    /** The row an expression name stands for, or −1 for other entities. */
    private static int rowIndex(String name, int rows) {
        if (name == null || name.isEmpty() || !Character.isDigit(name.charAt(0))) {
            return -1;
        }
        int i = Integer.parseInt(name);
        return i < rows ? i : -1;
    }

    /**
     * ojAlgo's state in ours: optimal (incl. DISTINCT) is OPTIMAL; FEASIBLE and APPROXIMATE
     * (stopped early or unsure) are LIMIT; INFEASIBLE and UNBOUNDED are settled by the caller;
     * everything else (FAILED, INVALID, UNEXPLORED, VALID) is ERROR.
     */
    static LpStatus toStatus(Optimisation.State state) {
        if (state.isOptimal()) {
            return LpStatus.OPTIMAL;
        }
        return switch (state) {
            case FEASIBLE, APPROXIMATE -> LpStatus.LIMIT;
            case INFEASIBLE -> LpStatus.INFEASIBLE;
            case UNBOUNDED -> LpStatus.UNBOUNDED;
            default -> LpStatus.ERROR;
        };
    }
}

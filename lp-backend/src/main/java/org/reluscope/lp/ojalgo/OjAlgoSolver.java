package org.reluscope.lp.ojalgo;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.Optimisation;
import org.reluscope.lp.DistanceResult;
import org.reluscope.lp.DistanceSolver;
import org.reluscope.lp.DualRefinement;
import org.reluscope.lp.IncrementalLp;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.LpStatus;
import org.reluscope.lp.RebuildingLp;
import org.reluscope.lp.SafeDistanceBound;
import org.reluscope.lp.SafeObjectiveBound;
import org.reluscope.lp.Sense;

/**
 * LPs and the distance QP through ojAlgo's {@code ExpressionsBasedModel} (pure Java: no native
 * code, so it also runs where OR-Tools cannot load).
 *
 * <p>LP: the model is built from the program, minimised or maximised, and read back in the
 * {@link LpResult} conventions (see {@link OjModel#minimisationDuals}), with the rigorous
 * {@link LpResult#safeBound()}. ojAlgo's presolve reports 0 for rows it folded into variable
 * bounds; {@link DualRefinement} repairs those multipliers and the better bound is kept.
 * Integer variables are rejected (use SCIP or CBC).
 *
 * <p>QP: min ‖x − c‖² = Σ xⱼ² − 2cⱼxⱼ + ‖c‖² over the polytope, solved by ojAlgo's convex
 * (active-set) solver; the squared distance is recomputed from the returned point and the
 * multipliers (repaired like the LP's) give the rigorous {@link DistanceResult#safeLowerBound()}. The QP is strictly
 * convex, so its INFEASIBLE is unambiguous.
 *
 * <p>ojAlgo cannot re-solve a changed model from its previous basis through this API, so
 * {@link #open} rebuilds: a {@link RebuildingLp}. Stateless; thread-safe. An exception inside
 * ojAlgo (it throws on some numerical failures) becomes an ERROR result.
 */
public final class OjAlgoSolver implements LpSolver, DistanceSolver {
    private final LpOptions options;

    public OjAlgoSolver(LpOptions options) {
        this.options = options;
    }

    public OjAlgoSolver() {
        this(LpOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "ojalgo";
    }

    @Override
    public boolean supportsIntegers() {
        return false;
    }

    @Override
    public LpResult solve(LinearProgram lp) {
        long start = System.nanoTime();
        Attempt attempt = attemptLp(lp);
        LpStatus status = attempt.status().settle(lp, p -> attemptLp(p).status());
        if (status != LpStatus.OPTIMAL) {
            return LpResult.withoutSolution(status, lp.sense(), seconds(start));
        }
        double[] x = attempt.model().primal(attempt.result());
        double[] y = OjModel.minimisationDuals(attempt.result(), lp.rowCount());
        if (lp.sense() == Sense.MAXIMIZE) {
            // ojAlgo reports the multipliers of min −c·x; ours are those of max c·x
            for (int i = 0; i < y.length; i++) {
                y[i] = -y[i];
            }
        }
        double bound = SafeObjectiveBound.of(lp, y);
        double[] refined = DualRefinement.refine(lp, x, y);
        if (refined != y) {
            double better = SafeObjectiveBound.of(lp, refined);
            if (lp.sense() == Sense.MINIMIZE ? better > bound : better < bound) {
                y = refined;
                bound = better;
            }
        }
        return new LpResult(status, lp.objectiveValue(x), bound, x, y, seconds(start));
    }

    @Override
    public IncrementalLp open(LinearProgram lp) {
        return new RebuildingLp(this, lp);
    }

    @Override
    public DistanceResult nearest(LinearProgram polytope, double[] centre) {
        if (centre.length != polytope.variableCount()) {
            throw new IllegalArgumentException("centre has " + centre.length + " entries but the polytope has "
                    + polytope.variableCount() + " variables");
        }
        long start = System.nanoTime();
        OjModel m = new OjModel(polytope, options);
        Expression objective = m.model.addExpression("objective").weight(1);
        for (int j = 0; j < centre.length; j++) {
            objective.set(m.variables[j], m.variables[j], 1.0);
            objective.set(m.variables[j], -2 * centre[j]);
        }
        Attempt attempt = run(m, Sense.MINIMIZE);
        LpStatus status = attempt.status() == LpStatus.UNBOUNDED ? LpStatus.ERROR : attempt.status();
        if (status != LpStatus.OPTIMAL) {
            return DistanceResult.withoutPoint(status, seconds(start));
        }
        double[] x = m.primal(attempt.result());
        double d2 = 0;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - centre[j];
            d2 += d * d;
        }
        double[] y = OjModel.minimisationDuals(attempt.result(), polytope.rowCount());
        double[] gradient = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            gradient[j] = 2 * (x[j] - centre[j]);
        }
        double bound = SafeDistanceBound.of(polytope, centre, y);
        double[] refined = DualRefinement.refineMinimisation(polytope, gradient, x, y);
        if (refined != y) {
            bound = Math.max(bound, SafeDistanceBound.of(polytope, centre, refined));
        }
        return new DistanceResult(status, d2, bound, x, seconds(start));
    }

    /** Builds and optimises the LP; integer variables are rejected. */
    private Attempt attemptLp(LinearProgram lp) {
        if (lp.hasIntegers()) {
            throw new IllegalArgumentException("ojalgo solves LPs only but the program has integer variables");
        }
        OjModel m = new OjModel(lp, options);
        for (int j = 0; j < lp.variableCount(); j++) {
            double c = lp.objective(j);
            if (c != 0) {
                m.variables[j].weight(c);
            }
        }
        return run(m, lp.sense());
    }

    /**
     * Optimises; a failure after the time limit ran out is LIMIT (ojAlgo checks its limit only
     * now and then and then reports FAILED or UNEXPLORED).
     */
    private Attempt run(OjModel m, Sense sense) {
        long start = System.nanoTime();
        LpStatus status;
        Optimisation.Result r = null;
        try {
            r = sense == Sense.MINIMIZE ? m.model.minimise() : m.model.maximise();
            status = OjModel.toStatus(r.getState());
        } catch (RuntimeException e) {
            // ojAlgo signals some numerical breakdowns by throwing; to us that is a failed solve
            status = LpStatus.ERROR;
        }
        if (status == LpStatus.ERROR && options.hasTimeLimit() && seconds(start) >= options.timeLimitSeconds()) {
            status = LpStatus.LIMIT;
        }
        return new Attempt(m, r, status);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** One optimisation: the model, ojAlgo's result (null after an exception) and our status. */
    private record Attempt(OjModel model, Optimisation.Result result, LpStatus status) {
    }
}

package org.reluscope.region;

import java.util.Arrays;
import java.util.Optional;

import org.reluscope.algebra.HPolytope;
import org.reluscope.algebra.SupportOracle;
import org.reluscope.lp.LinearProgram;
import org.reluscope.lp.LpResult;
import org.reluscope.lp.LpSolver;
import org.reluscope.lp.Sense;

/**
 * Support points of a region's input polytope by LP, for drawing its output polytope: argmax
 * g·x over { x : A x ≤ b }. The answer is the solver's vertex, used only to locate vertices of
 * the image (which are then re-evaluated through the affine map), so no safe bound is needed.
 */
public final class LpSupportOracle implements SupportOracle {
    private final LpSolver solver;
    private final HPolytope polytope;

    private LpSupportOracle(LpSolver solver, HPolytope polytope) {
        this.solver = solver;
        this.polytope = polytope;
    }

    /** A factory answering every polytope with {@code solver} (thread-safe, as the solver is). */
    public static SupportOracle.Factory factory(LpSolver solver) {
        return p -> Optional.of(new LpSupportOracle(solver, p));
    }

    @Override
    public Optional<double[]> argmax(double[] g) {
        LinearProgram.Builder b = LinearProgram.builder();
        int n = polytope.dimension();
        double[] lo = new double[n];
        double[] hi = new double[n];
        // The polytope's own rows include the input set's bounding box, so the variables are free.
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        b.addVariables(lo, hi);
        double[][] a = polytope.a();
        double[] rhs = polytope.b();
        for (int i = 0; i < a.length; i++) {
            b.addLessOrEqual(a[i], rhs[i]);
        }
        b.objective(g.clone(), Sense.MAXIMIZE);
        LpResult r = solver.solve(b.build());
        return r.status().isOptimal() && r.primal() != null ? Optional.of(r.primal()) : Optional.empty();
    }
}

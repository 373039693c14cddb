package org.reluscope.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.algebra.HPolytope;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.lp.LpOptions;
import org.reluscope.lp.LpSolvers;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * On 2-input networks, the region count against the patterns of a fine grid: every pattern
 * seen on the grid is an enumerated region, and a region the grid misses must be thinner than
 * the grid spacing (its largest inscribed disc, from the slack LP, has radius below
 * spacing/√2 — a wider disc would contain a grid point).
 */
class GridOracleTest {
    private static final int STEPS = 600;

    static void check(Network net, InputSet set) {
        Collected c = Collected.run(net, set);
        Box box = set.boundingBox();
        double spacing = Math.max(box.width(0), box.width(1)) / STEPS;
        Set<ActivationPattern> grid = new HashSet<>();
        for (int i = 0; i <= STEPS; i++) {
            for (int j = 0; j <= STEPS; j++) {
                double[] x = {box.lower(0) + i * box.width(0) / STEPS, box.lower(1) + j * box.width(1) / STEPS};
                if (set.contains(x, 0)) {
                    grid.add(ActivationPattern.of(net, x));
                }
            }
        }
        Set<ActivationPattern> enumerated = new HashSet<>();
        c.regions.forEach(r -> enumerated.add(r.pattern()));
        assertEquals(c.regions.size(), enumerated.size());
        assertTrue(enumerated.containsAll(grid), "grid patterns not enumerated");
        PieceLp lp = new PieceLp(new SetGeometry(set, RegionOptions.DEFAULT_INTERIOR_TOLERANCE),
                LpSolvers.create("glop"), LpSolvers.distance(LpOptions.DEFAULT), () -> { }, Long.MAX_VALUE);
        int missed = 0;
        for (Region r : c.regions) {
            if (!grid.contains(r.pattern())) {
                missed++;
                double inradius = lp.interior(rows(r.polytope())).slack();
                assertTrue(inradius < spacing / Math.sqrt(2),
                        "region " + r.pattern().label() + " has inradius " + inradius + " but the grid missed it");
            }
        }
        System.out.printf("%s: %d regions, %d on the grid%n", set, c.regions.size(), c.regions.size() - missed);
    }

    /** The polytope's rows as unit half-spaces over both (free) coordinates. */
    static List<HalfSpace> rows(HPolytope p) {
        List<HalfSpace> rows = new ArrayList<>();
        for (int i = 0; i < p.rowCount(); i++) {
            double norm = Math.hypot(p.a()[i][0], p.a()[i][1]);
            rows.add(new HalfSpace(new double[] {p.a()[i][0] / norm, p.a()[i][1] / norm}, p.b()[i] / norm));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void boxes(long seed) {
        check(RandomNetworks.relu(seed, 0.3, 2, 10, 8, 3), new Box(new double[] {-0.7, -0.5}, new double[] {0.6, 0.8}));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void balls(long seed) {
        check(RandomNetworks.relu(seed, 0.3, 2, 10, 8, 3), new L2Ball(new double[] {0.1, -0.1}, 0.7));
    }
}

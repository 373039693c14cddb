package org.reluscope.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.reluscope.bounds.ReluSplits;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;

/** A sink that keeps everything (tests only), with the summary of the run that filled it. */
final class Collected implements RegionSink {
    final List<Region> regions = Collections.synchronizedList(new ArrayList<>());
    final List<Region> thin = Collections.synchronizedList(new ArrayList<>());
    final List<ReluSplits> unexplored = Collections.synchronizedList(new ArrayList<>());
    RegionSummary summary;

    static Collected run(Network net, InputSet set, RegionOptions options) {
        Collected c = new Collected();
        c.summary = new RegionEnumerator(options).enumerate(net, set, c);
        return c;
    }

    static Collected run(Network net, InputSet set) {
        return run(net, set, RegionOptions.defaults().withSorted(true));
    }

    @Override
    public void region(Region region) {
        regions.add(region);
    }

    @Override
    public void thin(Region piece) {
        thin.add(piece);
    }

    @Override
    public void unexplored(ReluSplits splits) {
        unexplored.add(splits);
    }

    /** The region whose polytope (∩ the set) contains x with the most margin, or null. */
    Region containing(InputSet set, double[] x, double tol) {
        Region best = null;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (Region r : regions) {
            double margin = -r.polytope().violation(x);
            if (margin >= -tol && margin > bestMargin && set.contains(x, tol)) {
                best = r;
                bestMargin = margin;
            }
        }
        return best;
    }
}

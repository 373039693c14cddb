package org.reluscope.region;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one enumeration found.
 *
 * @param regions      full-dimensional regions meeting the set
 * @param thinPieces   leaf or dropped pieces without verified interior (not regions)
 * @param distinctMaps distinct affine maps (J, c) among the regions (equal up to a relative 1e-9)
 * @param perDepth     regions per depth (number of splits on the way), depth → count
 * @param ranks        regions per rank of J, rank → count
 * @param complete     false when a limit stopped the run before every piece was explored
 * @param seconds      wall time
 * @param pieces       pieces processed (inner nodes and leaves of the split tree)
 * @param lps          linear programs solved (slack LPs, cut rounds and distance QPs)
 */
public record RegionSummary(long regions, long thinPieces, long distinctMaps, SortedMap<Integer, Long> perDepth,
                            SortedMap<Integer, Long> ranks, boolean complete, double seconds, long pieces, long lps) {
    public RegionSummary {
        perDepth = new TreeMap<>(perDepth);
        ranks = new TreeMap<>(ranks);
    }

    @Override
    public SortedMap<Integer, Long> perDepth() {
        return new TreeMap<>(perDepth);
    }

    @Override
    public SortedMap<Integer, Long> ranks() {
        return new TreeMap<>(ranks);
    }

    /** Regions per second of wall time. */
    public double regionsPerSecond() {
        return seconds > 0 ? regions / seconds : Double.NaN;
    }
}

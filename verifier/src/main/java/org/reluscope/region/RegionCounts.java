package org.reluscope.region;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The statistics of the regions found so far — distinct affine maps, regions per depth and
 * per rank of J — safe to update from many threads.
 *
 * <p>Maps are compared after rounding every entry of (J, c) to 1e-9 of the map's largest
 * entry (its scale rounded to a power of two, so that equal maps share it): maps computed
 * along different split paths agree to rounding, far below that.
 */
final class RegionCounts {
    private static final double RESOLUTION = 1e-9;

    private final Set<MapKey> maps = ConcurrentHashMap.newKeySet();
    private final Map<Integer, LongAdder> depths = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> ranks = new ConcurrentHashMap<>();

    /** (J, c) rounded, as a key. */
    private record MapKey(long[] entries) {
        static MapKey of(AffineMap map) {
            double scale = Math.max(Math.scalb(1.0, Math.getExponent(Math.max(map.magnitude(), Double.MIN_NORMAL)) + 1),
                    Double.MIN_NORMAL);
            double unit = scale * RESOLUTION;
            long[] e = new long[map.jacobian().length + map.offset().length];
            int k = 0;
            for (double v : map.jacobian()) {
                e[k++] = Math.round(v / unit);
            }
            for (double v : map.offset()) {
                e[k++] = Math.round(v / unit);
            }
            return new MapKey(e);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MapKey m && Arrays.equals(m.entries, entries);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(entries);
        }
    }

    void add(Region region) {
        maps.add(MapKey.of(region.map()));
        depths.computeIfAbsent(region.depth(), d -> new LongAdder()).increment();
        ranks.computeIfAbsent(region.rank(), r -> new LongAdder()).increment();
    }

    long distinctMaps() {
        return maps.size();
    }

    SortedMap<Integer, Long> perDepth() {
        return snapshot(depths);
    }

    SortedMap<Integer, Long> ranks() {
        return snapshot(ranks);
    }

    private static SortedMap<Integer, Long> snapshot(Map<Integer, LongAdder> counts) {
        SortedMap<Integer, Long> s = new TreeMap<>();
        counts.forEach((k, v) -> s.put(k, v.sum()));
        return s;
    }
}

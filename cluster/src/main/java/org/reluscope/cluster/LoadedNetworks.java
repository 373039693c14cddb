package org.reluscope.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;

/**
 * The networks this JVM has read, keyed by path. An executor solves many instances of the
 * same few networks (ACAS Xu: 45 networks, 186 instances; a data set: one network, thousands
 * of points), so each is read once per executor rather than once per instance. The cache is
 * per process on purpose: Spark re-uses executor JVMs across tasks and jobs, and networks are
 * immutable. A file that fails to load is not remembered, so a retry reads it again.
 */
public final class LoadedNetworks {
    private static final Map<String, Network> NETWORKS = new ConcurrentHashMap<>();
    private static final AtomicInteger READS = new AtomicInteger();

    private LoadedNetworks() {
    }

    /** The network in {@code file}, read on first use in this JVM. */
    public static Network get(String file) {
        return NETWORKS.computeIfAbsent(file, f -> {
            READS.incrementAndGet();
            return NetworkFiles.read(Path.of(f));
        });
    }

    /** How many network files this JVM has read so far. */
    public static int reads() {
        return READS.get();
    }
}

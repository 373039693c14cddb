package org.reluscope.cluster;

import org.reluscope.batch.NetworkCache;

/**
 * The networks this JVM has read. An executor solves many instances of the same few networks
 * (ACAS Xu: 45 networks for 186 instances; a data set: one network for thousands of points),
 * so each is read once per executor rather than once per instance. The cache is per process on
 * purpose: Spark keeps executor JVMs across tasks and jobs, and networks are immutable.
 */
final class LoadedNetworks {
    static final NetworkCache CACHE = new NetworkCache();

    private LoadedNetworks() {
    }
}

package org.reluscope.cluster;

import java.io.Serializable;

/**
 * Solves one instance where Spark runs it. Spark ships the solver to the executors with each
 * task, hence {@link Serializable}: an implementation holds settings only, never loaded state
 * (that lives in per-JVM caches such as {@link LoadedNetworks}).
 */
@FunctionalInterface
public interface InstanceSolver extends Serializable {

    /**
     * The answer for {@code instance} within its time limit.
     *
     * @param threads the cores Spark reserved for this task ({@code spark.task.cpus})
     * @throws RuntimeException when the instance cannot be solved (a bad file, a solver failure):
     *                          the job retries it once and then reports it as {@code error}
     */
    Solution solve(ClusterInstance instance, int threads);
}

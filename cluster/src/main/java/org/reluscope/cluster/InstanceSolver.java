package org.reluscope.cluster;

import java.io.Serializable;

import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;

/**
 * Solves one instance where Spark runs it. Spark ships the solver to the executors with each
 * task, hence {@link Serializable}: an implementation holds settings only, never loaded state
 * (that lives in per-JVM caches such as {@link LoadedNetworks}).
 */
public interface InstanceSolver extends Serializable {

    /**
     * The record of {@code instance}; a problem of the instance itself (a file that does not
     * load, a crash inside the verifier) is an {@code error} record, not an exception.
     *
     * @param index   the instance's position in its list
     * @param threads the cores Spark reserved for this task ({@code spark.task.cpus})
     */
    InstanceResult solve(int index, Instance instance, int threads);

    /** The {@code error} record of an instance whose task Spark could not complete. */
    InstanceResult failure(int index, Instance instance, String message);
}

package org.reluscope.cluster;

import java.io.Serializable;

/**
 * One independent verification problem of a batch: a network, a query on it and its own
 * time limit. Paths are absolute strings, because the instance is solved on whichever
 * executor Spark picks; on a real cluster they must name a shared file system.
 *
 * @param index          the instance's position in the input, which orders the output
 * @param network        path of the network file
 * @param timeoutSeconds the instance's time limit
 */
public record ClusterInstance(int index, String network, Query query, double timeoutSeconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ClusterInstance {
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds)) {
            throw new IllegalArgumentException("instance " + index + ": time limit must be a positive number of seconds, got "
                    + timeoutSeconds);
        }
    }

    /**
     * The work the scheduler expects: the time limit, since the instance list's author sized
     * it to the instance's difficulty and it bounds the run time.
     */
    public double predictedCost() {
        return timeoutSeconds;
    }
}

package org.reluscope.cluster;

import org.reluscope.batch.InstanceResult;

/**
 * The record of one instance of a cluster run and how many tasks it took.
 *
 * @param attempts 1, or 2 when the first attempt failed (an error record, or a task Spark lost)
 */
public record ClusterResult(InstanceResult result, int attempts) {
}

package org.reluscope.cluster;

/**
 * The final record of one instance in a cluster run.
 *
 * @param attempts 1, or 2 when the first attempt failed (an exception, a lost executor)
 */
public record InstanceOutcome(ClusterInstance instance, Solution solution, int attempts) {
}

package org.reluscope.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.reluscope.BadInputException;

/**
 * Runs a batch of independent instances on Spark, one instance per task.
 *
 * <p>Run times are very uneven (milliseconds to the full time limit), so the batch is not cut
 * into a few large partitions whose slowest member would idle the other cores. Instead each
 * instance is its own single-task job, submitted in decreasing order of
 * {@link ClusterInstance#predictedCost()}: Spark's FIFO scheduler starts jobs in submission
 * order, which is the longest-first rule for spreading uneven work over a fixed set of cores.
 * Separate jobs also isolate failures — a task that throws or whose executor dies fails only
 * its own job, where one big job would abort and lose every answer.
 *
 * <p>A failed attempt (the solver threw, or Spark lost the task) is submitted once more; a
 * second failure becomes an {@code error} record. Every instance therefore gets exactly one
 * record. Spark's own task retries should be off ({@code spark.task.maxFailures=1}, see
 * {@link SparkSetup}) so that "once more" means one retry in total.
 */
public final class ClusterJob {
    /** Attempts per instance: the first and one retry. */
    public static final int MAX_ATTEMPTS = 2;
    private static final long POLL_MILLIS = 10;

    private final JavaSparkContext spark;
    private final InstanceSolver solver;
    private final Consumer<InstanceOutcome> onDone;

    /**
     * @param onDone called on the driver as each instance finishes (progress lines), in
     *               completion order
     */
    public ClusterJob(JavaSparkContext spark, InstanceSolver solver, Consumer<InstanceOutcome> onDone) {
        this.spark = spark;
        this.solver = solver;
        this.onDone = onDone;
    }

    /** Every instance's outcome, in the order of {@link ClusterInstance#index()}. */
    public List<InstanceOutcome> run(List<ClusterInstance> instances) throws InterruptedException {
        checkDistinctIndices(instances);
        List<Attempt> running = new ArrayList<>();
        instances.stream()
                .sorted(Comparator.comparingDouble(ClusterInstance::predictedCost).reversed())
                .forEach(instance -> running.add(submit(instance, 1)));
        TreeMap<Integer, InstanceOutcome> outcomes = new TreeMap<>();
        try {
            while (!running.isEmpty()) {
                List<Attempt> finished = running.stream().filter(a -> a.future().isDone()).toList();
                if (finished.isEmpty()) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                running.removeAll(finished);
                for (Attempt attempt : finished) {
                    Solution solution = result(attempt.future());
                    if (solution.isError() && attempt.number() < MAX_ATTEMPTS) {
                        running.add(submit(attempt.instance(), attempt.number() + 1));
                    } else {
                        InstanceOutcome outcome = new InstanceOutcome(attempt.instance(), solution, attempt.number());
                        outcomes.put(attempt.instance().index(), outcome);
                        onDone.accept(outcome);
                    }
                }
            }
        } finally {
            running.forEach(a -> a.future().cancel(true));
        }
        return List.copyOf(outcomes.values());
    }

    private record Attempt(ClusterInstance instance, int number, JavaFutureAction<List<Solution>> future) {
    }

    private Attempt submit(ClusterInstance instance, int number) {
        spark.setJobDescription("reluscope instance " + instance.index() + " (attempt " + number + "): "
                + instance.network() + " " + instance.query().describe());
        InstanceSolver s = solver;
        JavaFutureAction<List<Solution>> future = spark.parallelize(List.of(instance), 1)
                .map(i -> attempt(s, i))
                .collectAsync();
        return new Attempt(instance, number, future);
    }

    /**
     * Runs on the executor. A failure comes back as an {@code error} solution with a one-line
     * message, rather than as a failed task whose message is Spark's stack trace.
     */
    static Solution attempt(InstanceSolver solver, ClusterInstance instance) {
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : task.cpus();
        try {
            return solver.solve(instance, threads);
        } catch (BadInputException e) {
            return Solution.error(e.describe());
        } catch (RuntimeException | StackOverflowError e) {
            return Solution.error(e.toString());
        }
    }

    /** The job's one solution, or an {@code error} when Spark itself failed the task. */
    private static Solution result(JavaFutureAction<List<Solution>> future) throws InterruptedException {
        try {
            return future.get().get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            return Solution.error("task failed: " + message);
        }
    }

    private static void checkDistinctIndices(List<ClusterInstance> instances) {
        Set<Integer> seen = new HashSet<>();
        for (ClusterInstance instance : instances) {
            if (!seen.add(instance.index())) {
                throw new IllegalArgumentException("two instances share index " + instance.index());
            }
        }
    }
}

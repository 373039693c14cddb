package org.reluscope.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.reluscope.batch.Answer;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;

/**
 * Runs a batch of independent instances on Spark, one instance per task.
 *
 * <p>Run times are very uneven (milliseconds to the full time limit), so the batch is not cut
 * into a few large partitions whose slowest member would idle the other cores. Instead each
 * instance is its own single-task job, submitted in decreasing order of its time limit (the
 * list author's estimate of its difficulty, and a bound on its run time): Spark's FIFO
 * scheduler starts jobs in submission order, which is the longest-first rule for spreading
 * uneven work over a fixed set of cores. Separate jobs also isolate failures — a task whose
 * executor dies fails only its own job, where one big job would abort and lose every answer.
 *
 * <p>A failed attempt (an {@code error} record, or a task Spark could not complete) is
 * submitted once more; the second attempt's record is final. Every instance therefore gets
 * exactly one record. Spark's own task retries should be off ({@code spark.task.maxFailures=1},
 * see {@link SparkSetup}) so that "once more" means one retry in total.
 */
public final class ClusterJob {
    /** Attempts per instance: the first and one retry. */
    public static final int MAX_ATTEMPTS = 2;
    /**
     * How often the driver looks for finished jobs: Java's future of a Spark job has no completion
     * callback, and a few milliseconds are small against the ~20 ms Spark spends on a job.
     */
    private static final long POLL_MILLIS = 10;

    private final JavaSparkContext spark;
    private final InstanceSolver solver;

    public ClusterJob(JavaSparkContext spark, InstanceSolver solver) {
        this.spark = spark;
        this.solver = solver;
    }

    /**
     * Every instance's record, in list order, checked against {@code expected}.
     *
     * @param onDone called on the driver as each instance is settled, in completion order
     */
    public List<ClusterResult> run(List<Instance> instances, ExpectedAnswers expected, Consumer<ClusterResult> onDone)
            throws InterruptedException {
        List<Attempt> running = new ArrayList<>();
        IntStream.range(0, instances.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> instances.get(i).timeoutSeconds()).reversed())
                .forEach(i -> running.add(submit(i, instances.get(i), 1)));
        ClusterResult[] results = new ClusterResult[instances.size()];
        try {
            while (!running.isEmpty()) {
                List<Attempt> finished = running.stream().filter(a -> a.future().isDone()).toList();
                if (finished.isEmpty()) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                running.removeAll(finished);
                for (Attempt attempt : finished) {
                    InstanceResult r = result(attempt);
                    if (r.answer() == Answer.ERROR && attempt.number() < MAX_ATTEMPTS) {
                        running.add(submit(attempt.index(), attempt.instance(), attempt.number() + 1));
                    } else {
                        ClusterResult done = new ClusterResult(checked(r, expected), attempt.number());
                        results[attempt.index()] = done;
                        onDone.accept(done);
                    }
                }
            }
        } finally {
            running.forEach(a -> a.future().cancel(true));
        }
        return List.of(results);
    }

    private record Attempt(int index, Instance instance, int number, JavaFutureAction<List<InstanceResult>> future) {
    }

    private Attempt submit(int index, Instance instance, int number) {
        spark.setJobDescription("reluscope #" + index + " " + instance.name() + (number > 1 ? " (retry)" : ""));
        InstanceSolver s = solver;
        JavaFutureAction<List<InstanceResult>> future = spark.parallelize(List.of(instance), 1)
                .map(i -> s.solve(index, i, threads()))
                .collectAsync();
        return new Attempt(index, instance, number, future);
    }

    /** The cores Spark reserved for the running task (1 unless {@code spark.task.cpus} says more). */
    private static int threads() {
        TaskContext task = TaskContext.get();
        return task == null ? 1 : task.cpus();
    }

    /** The task's record, or an {@code error} record when Spark could not complete the task. */
    private InstanceResult result(Attempt attempt) throws InterruptedException {
        try {
            return attempt.future().get().get(0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            return solver.failure(attempt.index(), attempt.instance(), "task failed: " + message);
        }
    }

    /** {@code r} with the settled answer of its instance. */
    private static InstanceResult checked(InstanceResult r, ExpectedAnswers expected) {
        return new InstanceResult(r.index(), r.instance(), r.timeLimit(), r.answer(),
                expected.of(r.instance()).orElse(null), r.seconds(), r.loadSeconds(), r.detail(),
                r.witnessInput(), r.witnessOutput());
    }
}

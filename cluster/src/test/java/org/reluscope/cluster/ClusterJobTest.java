package org.reluscope.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchRunner;
import org.reluscope.batch.Decider;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceList;
import org.reluscope.batch.InstanceResult;
import org.reluscope.batch.NetworkCache;
import org.reluscope.input.Box;
import org.reluscope.input.PointFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;
import org.reluscope.verify.VerifierOptions;

/**
 * The Spark job in {@code local[2]} against {@link BatchRunner} run one instance after the
 * other: the same records, one per instance, and failures retried once then reported.
 */
class ClusterJobTest {
    private static final long SEED = 1;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(SparkSetup.conf("local[2]", Map.of("spark.ui.enabled", "false")));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void answersEqualTheBatchRunnersAndNothingIsLostOrDuplicated(@TempDir Path dir) throws InterruptedException {
        MixedBatch batch = new MixedBatch(dir, true, 4, 10);
        List<Instance> instances = InstanceList.read(batch.csv, Optional.empty());
        ExpectedAnswers expected = SharedBenchmarks.root()
                .map(root -> ExpectedAnswers.read(root.resolve("acasxu/expected.csv"))).orElse(ExpectedAnswers.NONE);
        List<InstanceResult> reference = batch(instances, expected);

        List<Integer> seen = new ArrayList<>();
        int cachedBefore = LoadedNetworks.CACHE.size();
        List<ClusterResult> results = new ClusterJob(spark, new BatchSolver(SEED, 1))
                .run(instances, expected, r -> seen.add(r.result().index()));

        assertEquals(instances.size(), results.size());
        assertEquals(instances.size(), seen.size(), "one completion per instance");
        assertEquals(instances.size(), seen.stream().distinct().count(), "no instance settled twice: " + seen);
        for (int i = 0; i < instances.size(); i++) {
            InstanceResult mine = results.get(i).result();
            InstanceResult theirs = reference.get(i);
            assertEquals(i, mine.index());
            assertEquals(instances.get(i), mine.instance());
            assertSameAnswer(theirs, mine);
            assertEquals(theirs.expected(), mine.expected(), instances.get(i).name());
            assertTrue(!mine.wrong(), () -> "wrong answer for " + mine.instance().name());
        }
        ClusterResult corrupt = results.stream().filter(r -> r.result().instance().network().endsWith(MixedBatch.CORRUPT))
                .findFirst().orElseThrow();
        assertEquals(Answer.ERROR, corrupt.result().answer());
        assertEquals(ClusterJob.MAX_ATTEMPTS, corrupt.attempts(), "a failed instance is retried once");
        assertTrue(corrupt.result().detail().contains(MixedBatch.CORRUPT), corrupt.result().detail());
        assertEquals(1, results.stream().filter(r -> r.attempts() > 1).count(), "only the corrupt instance is retried");
        long goodNetworks = instances.stream().map(Instance::network).filter(n -> !n.endsWith(MixedBatch.CORRUPT))
                .distinct().count();
        assertEquals(goodNetworks, LoadedNetworks.CACHE.size() - cachedBefore, "each network read once into the JVM's cache");
    }

    /** The reference: {@code reluscope batch}'s runner, one instance after the other on one thread. */
    private static List<InstanceResult> batch(List<Instance> instances, ExpectedAnswers expected) {
        VerifierOptions oneThread = new VerifierOptions(VerifierOptions.DEFAULT.timeout(), 1, SEED);
        return new BatchRunner(Decider.verifier(oneThread), 1, expected, new NetworkCache()).run(instances, r -> { });
    }

    /**
     * Equal answers — except that an answer reached close to the time limit may be a timeout in
     * the other run, on a machine shared with other work.
     */
    private static void assertSameAnswer(InstanceResult expected, InstanceResult actual) {
        boolean nearLimit = Math.max(expected.seconds(), actual.seconds()) > 0.5 * expected.timeLimit();
        boolean oneTimedOut = expected.answer() == Answer.TIMEOUT || actual.answer() == Answer.TIMEOUT;
        if (!(nearLimit && oneTimedOut)) {
            assertEquals(expected.answer(), actual.answer(), expected.instance().name() + ": " + actual.detail());
        }
        assertTrue(!expected.answer().contradicts(actual.answer()), expected.instance().name());
    }

    /** Fails every attempt of the instances it is told to, and the first attempt of every other. */
    private record FlakySolver(InstanceSolver real, int alwaysFailing) implements InstanceSolver {
        static final Map<Integer, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        @Override
        public InstanceResult solve(int index, Instance instance, int threads) {
            int call = CALLS.computeIfAbsent(index, i -> new AtomicInteger()).incrementAndGet();
            if (index == alwaysFailing || call == 1) {
                throw new IllegalStateException("executor lost (simulated) on attempt " + call);
            }
            return real.solve(index, instance, threads);
        }

        @Override
        public InstanceResult failure(int index, Instance instance, String message) {
            return real.failure(index, instance, message);
        }
    }

    @Test
    void aTaskSparkCannotCompleteIsRetriedOnceThenReportedAsAnError(@TempDir Path dir) throws InterruptedException {
        MixedBatch batch = new MixedBatch(dir, false, 2, 10);
        List<Instance> instances = InstanceList.read(batch.csv, Optional.empty()).stream()
                .filter(i -> !i.network().endsWith(MixedBatch.CORRUPT)).toList();
        BatchSolver real = new BatchSolver(SEED, 1);
        int alwaysFailing = instances.size() - 1;
        List<ClusterResult> results = new ClusterJob(spark, new FlakySolver(real, alwaysFailing))
                .run(instances, ExpectedAnswers.NONE, r -> { });

        assertEquals(instances.size(), results.size());
        for (int i = 0; i < instances.size(); i++) {
            ClusterResult r = results.get(i);
            assertEquals(2, r.attempts(), "attempts of " + i);
            assertEquals(2, FlakySolver.CALLS.get(i).get(), "tasks run for " + i);
            if (i == alwaysFailing) {
                assertEquals(Answer.ERROR, r.result().answer());
                assertTrue(r.result().detail().startsWith("task failed: ")
                        && r.result().detail().contains("executor lost (simulated) on attempt 2"), r.result().detail());
            } else {
                assertSameAnswer(real.solve(i, instances.get(i), 1), r.result());
            }
        }
    }

    @Test
    void dataSetPropertiesContainTheExactBallAndAreSolvedLikeTheBatch(@TempDir Path dir) throws InterruptedException {
        Path points = MixedBatch.dataSet(dir, "net.json", 4);
        List<Double> radii = List.of(0.001, 0.3);
        Path list = DataSetInstances.write(points, dir.resolve("net.json"), radii, new double[] {0, 1}, 10, dir);
        List<Instance> instances = InstanceList.read(list, Optional.empty());
        assertEquals(4 * radii.size(), instances.size());

        List<double[]> rows = PointFiles.readRows(points, 7);
        for (int k = 0; k < instances.size(); k++) {
            double[] row = rows.get(k / radii.size());
            BigDecimal eps = BigDecimal.valueOf(radii.get(k % radii.size()));
            Property property = VnnLibParser.parse(instances.get(k).propertyFile());
            Box box = (Box) property.inputSets().get(0);
            for (int i = 0; i < 6; i++) {
                BigDecimal x = new BigDecimal(row[i + 1]);
                BigDecimal lo = x.subtract(eps).max(BigDecimal.ZERO);
                BigDecimal hi = x.add(eps).min(BigDecimal.ONE);
                assertTrue(new BigDecimal(box.lower(i)).compareTo(lo) <= 0 && new BigDecimal(box.upper(i)).compareTo(hi) >= 0,
                        "instance " + k + " input " + i + ": the box must contain the exact clipped ball");
            }
            assertEquals(3, property.disjuncts().size(), "one disjunct per other class");
        }

        List<InstanceResult> reference = batch(instances, ExpectedAnswers.NONE);
        List<ClusterResult> results = new ClusterJob(spark, new BatchSolver(SEED, 1))
                .run(instances, ExpectedAnswers.NONE, r -> { });
        for (int k = 0; k < instances.size(); k++) {
            assertSameAnswer(reference.get(k), results.get(k).result());
        }
        int last = instances.size() - 1;
        assertEquals(Answer.SAT, results.get(last).result().answer(), "the mislabelled point violates its property");
    }

    @Test
    void instancesStartInDecreasingOrderOfTheirTimeLimits(@TempDir Path dir) throws InterruptedException {
        MixedBatch batch = new MixedBatch(dir, false, 3, 10);
        List<Instance> listed = InstanceList.read(batch.csv, Optional.empty());
        List<Instance> instances = new ArrayList<>();
        for (int k = 0; k < listed.size(); k++) {
            Instance i = listed.get(k);
            instances.add(new Instance(i.network(), i.property(), 1 + k));
        }
        List<String> started = new CopyOnWriteArrayList<>();
        Map<Integer, String> jobOfStage = new ConcurrentHashMap<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                String description = job.properties().getProperty("spark.job.description");
                job.stageInfos().foreach(stage -> jobOfStage.put(stage.stageId(), description));
            }

            @Override
            public void onTaskStart(SparkListenerTaskStart task) {
                started.add(jobOfStage.get(task.stageId()));
            }
        };
        spark.sc().addSparkListener(listener);
        try {
            new ClusterJob(spark, new BatchSolver(SEED, 1)).run(instances, ExpectedAnswers.NONE, r -> { });
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (started.size() < instances.size() + 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            spark.sc().removeSparkListener(listener);
        }
        List<Double> limits = started.stream().filter(d -> !d.endsWith("(retry)"))
                .map(d -> instances.get(Integer.parseInt(d.replaceFirst("^reluscope #(\\d+) .*", "$1"))).timeoutSeconds())
                .toList();
        assertEquals(instances.size(), limits.size(), "one first attempt per instance: " + started);
        for (int k = 1; k < limits.size(); k++) {
            assertTrue(limits.get(k - 1) >= limits.get(k), "longest limit first, but tasks started in the order " + limits);
        }
    }
}

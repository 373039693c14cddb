package org.reluscope.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.InstanceResult;
import org.reluscope.cli.Main;
import org.reluscope.report.BatchCsv;

/** The command line of the Spark job, end to end, against {@code reluscope batch}'s. */
class ClusterMainTest {

    private record Run(int code, String out, String err) {
        static Run of(BiFunction<PrintWriter, PrintWriter, Integer> program) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = program.apply(new PrintWriter(out), new PrintWriter(err));
            return new Run(code, out.toString(), err.toString());
        }
    }

    private static Run cluster(String... args) {
        return Run.of((out, err) -> ClusterMain.run(args, out, err));
    }

    @Test
    void aDataSetRunWritesTheRecordsOfReluscopeBatch(@TempDir Path dir) throws Exception {
        Path points = MixedBatch.dataSet(dir, "net.onnx", 3);
        Path work = dir.resolve("work");
        String[] dataSet = {"--points", points.toString(), "--network", dir.resolve("net.onnx").toString(),
                "--epsilon", "0.001,0.3", "--clip", "0,1", "--timeout", "10", "--work-dir", work.toString()};
        Files.createDirectories(work);
        Path list = DataSetInstances.write(points, dir.resolve("net.onnx"), List.of(0.001, 0.3), new double[] {0, 1}, 10, work);
        Path batchCsv = dir.resolve("batch.csv");
        Run batch = Run.of((out, err) -> Main.run(new String[] {"batch", list.toString(), "--threads", "1",
                "--csv", batchCsv.toString()}, out, err));

        Path clusterCsv = dir.resolve("cluster.csv");
        String[] args = Stream.concat(Stream.of("--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--csv", clusterCsv.toString(), "--expected", batchCsv.toString()), Stream.of(dataSet))
                .toArray(String[]::new);
        Run spark = cluster(args);

        List<InstanceResult> mine = BatchCsv.read(clusterCsv);
        List<InstanceResult> theirs = BatchCsv.read(batchCsv);
        assertEquals(6, mine.size(), spark.err());
        assertEquals(theirs.size(), mine.size());
        for (int i = 0; i < mine.size(); i++) {
            assertEquals(theirs.get(i).instance(), mine.get(i).instance());
            assertEquals(theirs.get(i).answer(), mine.get(i).answer(), mine.get(i).instance().name());
        }
        assertEquals(Answer.SAT, mine.get(5).answer(), "the mislabelled point is not robust");
        assertEquals(batch.code(), spark.code(), "exit code 0: yesterday's answers are today's expectations");
        assertEquals(BatchSummary.EXIT_OK, spark.code(), spark.out() + spark.err());
        assertEquals(6, spark.err().lines().filter(l -> l.startsWith("[")).count(), "a progress line per instance");
        assertTrue(spark.out().contains("OK: no wrong answers"), spark.out());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwoBeforeSparkStarts(@TempDir Path dir) throws Exception {
        Path points = MixedBatch.dataSet(dir, "net.json", 2);
        Files.writeString(points, "1,0.5,0.5\n");
        Run run = cluster("--points", points.toString(), "--network", dir.resolve("net.json").toString(),
                "--epsilon", "0.1", "--work-dir", dir.resolve("w").toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + points) && run.err().contains("line 1"), run.err());

        Run neither = cluster("--epsilon", "0.1");
        assertEquals(Main.EXIT_BAD_INPUT, neither.code());
        assertFalse(neither.err().isEmpty());
    }
}

package org.reluscope.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.BadInputException;
import org.reluscope.batch.Answer;
import org.reluscope.batch.BatchSummary;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;
import org.reluscope.verify.Verdict;
import org.reluscope.verify.Witness;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The batch writers: CSV and JSON read back to the same results, JUnit XML parses with the right counts. */
class BatchReportsTest {
    private static final double[] X = {0.1, -1.0 / 3, 5e-300};
    private static final double[] Y = {-0.0234, Math.PI};

    /** One of each answer, a wrong one, and texts that need quoting and escaping. */
    private static final List<InstanceResult> RESULTS = List.of(
            result(0, "a.onnx", "p,1.vnnlib", Answer.SAT, Answer.SAT, "", X, Y),
            result(1, "a.onnx", "p2.vnnlib", Answer.UNSAT, Answer.UNSAT, "crown", new double[0], new double[0]),
            result(2, "dir with space/b.onnx", "p3.vnnlib", Answer.UNSAT, Answer.SAT, "input-split", new double[0],
                    new double[0]),
            result(3, "b.onnx", "p4.vnnlib", Answer.UNKNOWN, null, "bounds \"too\" loose, no search", new double[0],
                    new double[0]),
            result(4, "b.onnx", "p4.vnnlib", Answer.TIMEOUT, Answer.UNSAT, "", new double[0], new double[0]),
            result(5, "c.onnx", "p5.vnnlib", Answer.ERROR, null, "c.onnx: line 3: bad <weight> & \u0001 stuff\nmore",
                    new double[0], new double[0]));

    @TempDir
    Path dir;

    private static InstanceResult result(int index, String net, String prop, Answer answer, Answer expected,
                                         String detail, double[] x, double[] y) {
        return new InstanceResult(index, new Instance("/bench/" + net, "/bench/" + prop, 116), 58, answer, expected,
                0.25 + index / 7.0, 0.01 * index, detail, x, y);
    }

    @Test
    void csvReadsBackTheSameResults() {
        assertRoundTrip(BatchCsv::write, BatchCsv::read, "results.csv", true);
    }

    @Test
    void jsonReadsBackTheSameResults() {
        assertRoundTrip(BatchJson::write, BatchJson::read, "results.json", false);
    }

    /** @param flattensLines whether the format turns line breaks inside the detail text into spaces (CSV does) */
    private void assertRoundTrip(BiConsumer<Path, List<InstanceResult>> write,
                                 Function<Path, List<InstanceResult>> read, String name, boolean flattensLines) {
        Path file = dir.resolve(name);
        write.accept(file, RESULTS);
        List<InstanceResult> back = read.apply(file);
        assertEquals(RESULTS.size(), back.size());
        for (int i = 0; i < RESULTS.size(); i++) {
            InstanceResult a = RESULTS.get(i);
            InstanceResult b = back.get(i);
            assertEquals(a.index(), b.index());
            assertEquals(a.instance(), b.instance());
            assertEquals(a.timeLimit(), b.timeLimit());
            assertEquals(a.answer(), b.answer());
            assertEquals(a.expectation(), b.expectation());
            assertEquals(a.seconds(), b.seconds());
            assertEquals(a.loadSeconds(), b.loadSeconds());
            assertEquals(flattensLines ? a.detail().replace('\n', ' ') : a.detail(), b.detail());
            assertArrayEquals(a.witnessInput(), b.witnessInput());
            assertArrayEquals(a.witnessOutput(), b.witnessOutput());
        }
        assertEquals(BatchSummary.of(RESULTS), BatchSummary.of(back));
    }

    @Test
    void jsonSummaryHasTheCountsAndExitCode() throws IOException {
        BatchSummary s = BatchSummary.of(RESULTS);
        assertEquals(new BatchSummary(6, 1, 2, 1, 1, 1, 1, 2, 2, 0, s.seconds()), s);
        var summary = BatchJson.tree(RESULTS).get("summary");
        assertEquals(3, summary.get("solved").asInt());
        assertEquals(1, summary.get("wrong").asInt());
        assertEquals(BatchSummary.EXIT_FAILED, summary.get("exit_code").asInt());
    }

    @Test
    void junitXmlParsesWithOneTestCasePerInstanceAndTheRightCounts() throws Exception {
        Path file = dir.resolve("junit.xml");
        BatchJunit.write(file, "nightly <acas> & co", RESULTS);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("nightly <acas> & co", suite.getAttribute("name"));
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("2", suite.getAttribute("skipped"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertTrue(names.add(c.getAttribute("classname") + "/" + c.getAttribute("name")), "unique names");
            String outcome = c.getElementsByTagName("failure").getLength() > 0 ? "failure"
                    : c.getElementsByTagName("error").getLength() > 0 ? "error"
                    : c.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "pass";
            assertEquals(List.of("pass", "pass", "failure", "skipped", "skipped", "error").get(i), outcome,
                    "case " + i);
            assertTrue(c.getElementsByTagName("system-out").item(0).getTextContent()
                    .startsWith("answer " + RESULTS.get(i).answer().word()));
        }
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        // XML attribute-value normalisation turns the line break into a space
        assertEquals("c.onnx: line 3: bad <weight> & ? stuff more", error.getAttribute("message"));
    }

    @Test
    void resultFilesFollowTheVnnCompFormat() {
        assertEquals("unsat\n", ResultFile.of(RESULTS.get(1)));
        assertEquals("timeout\n", ResultFile.of(new Verdict.Timeout()));
        assertEquals("error\n", ResultFile.of(RESULTS.get(5)));
        String sat = ResultFile.of(new Witness(new double[] {0.5, -1}, new double[] {0.25}));
        assertEquals("sat\n((X_0 0.5)\n (X_1 -1.0)\n (Y_0 0.25))\n", sat);
        String text = ResultFile.of(RESULTS.get(0));
        String[] tokens = text.replace("(", " ").replace(")", " ").strip().split("\\s+");
        assertEquals("sat", tokens[0]);
        for (int i = 0; i < X.length; i++) {
            assertEquals("X_" + i, tokens[1 + 2 * i]);
            assertEquals(X[i], Double.parseDouble(tokens[2 + 2 * i]), 0, "witness values are exact");
        }
        assertEquals(Y[1], Double.parseDouble(tokens[tokens.length - 1]), 0);
    }

    @Test
    void resultDirectoryNamesFilesAfterTheInstanceAndKeepsRepeatsApart() throws IOException {
        ResultDirectory results = new ResultDirectory(dir.resolve("out/results"));
        Path first = results.write(RESULTS.get(3));
        Path second = results.write(RESULTS.get(4));
        assertEquals("b_p4.txt", first.getFileName().toString());
        assertEquals("b_p4_4.txt", second.getFileName().toString());
        assertEquals("timeout\n", Files.readString(second));
    }

    @Test
    void atomicWritesLeaveNoPartialFilesAndReportAMissingFolder() throws IOException {
        Path file = dir.resolve("r.csv");
        AtomicFiles.write(file, "old");
        AtomicFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> AtomicFiles.write(dir.resolve("no/such/r.csv"), "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(BadInputException.class, () -> AtomicFiles.checkWritable("--csv", dir.resolve("no/r.csv")));
        assertThrows(BadInputException.class, () -> AtomicFiles.checkWritable("--csv", dir));
    }
}

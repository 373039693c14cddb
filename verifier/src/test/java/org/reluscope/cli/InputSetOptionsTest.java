package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.BadInputException;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;
import org.reluscope.spec.LinearConstraints;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

class InputSetOptionsTest {
    /** 3 inputs, 2 outputs. */
    private static final Network NET = RandomNetworks.relu(11, 3, 4, 2);

    /** A command with positionals NET [SPEC], as the real commands declare them. */
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NET", description = "The network (ignored: the test supplies one).")
        String net;

        @Parameters(index = "1", arity = "0..1", paramLabel = InputSetOptions.SPEC_LABEL,
                description = InputSetOptions.SPEC_DESCRIPTION)
        Path spec;

        @Mixin
        InputSetOptions inputs;

        InputSetOptions.ProblemSpec problem;

        @Override
        public Integer call() {
            problem = inputs.resolve(NET, spec);
            return 0;
        }
    }

    /** The exit code, what was printed on stderr, the problem and the bad-input exception, if any. */
    private record Outcome(int code, String err, InputSetOptions.ProblemSpec problem, BadInputException bad) {
    }

    @TempDir
    Path dir;
    private Path center;

    @BeforeEach
    void writeCenter() throws IOException {
        center = Files.writeString(dir.resolve("x0.csv"), "0.1,0.2,0.9\n");
    }

    private static Outcome run(String... args) {
        Probe probe = new Probe();
        CommandLine cli = new CommandLine(probe);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        BadInputException[] bad = new BadInputException[1];
        cli.setExecutionExceptionHandler((e, c, r) -> {
            bad[0] = (BadInputException) e;
            return Main.EXIT_BAD_INPUT;
        });
        int code = cli.execute(args);
        return new Outcome(code, err.toString(), probe.problem, bad[0]);
    }

    private Outcome runBad(String... args) {
        Outcome o = run(args);
        assertEquals(Main.EXIT_BAD_INPUT, o.code());
        assertTrue(o.bad() != null, "expected a bad-input error, got: " + o.err());
        return o;
    }

    private void assertUsageError(String message, String... args) {
        Outcome o = run(args);
        assertEquals(Main.EXIT_BAD_INPUT, o.code());
        assertNull(o.bad());
        assertTrue(o.err().startsWith(message + System.lineSeparator()), o.err());
        assertTrue(o.err().contains("Usage: probe"), o.err());
    }

    @Test
    void linfBoxRoundsOutwardAndHasNoProperty() {
        Outcome o = run("net", "--center", center.toString(), "--linf", "0.05");
        assertEquals(0, o.code());
        assertEquals(Optional.empty(), o.problem().property());
        Box box = (Box) o.problem().inputSets().get(0);
        double[] x0 = {0.1, 0.2, 0.9};
        for (int i = 0; i < 3; i++) {
            BigDecimal c = new BigDecimal(x0[i]);
            BigDecimal eps = new BigDecimal(0.05);
            assertTrue(new BigDecimal(box.lower(i)).compareTo(c.subtract(eps)) <= 0, "lower " + i);
            assertTrue(new BigDecimal(Math.nextUp(box.lower(i))).compareTo(c.subtract(eps)) > 0, "lower " + i + " tight");
            assertTrue(new BigDecimal(box.upper(i)).compareTo(c.add(eps)) >= 0, "upper " + i);
            assertTrue(new BigDecimal(Math.nextDown(box.upper(i))).compareTo(c.add(eps)) < 0, "upper " + i + " tight");
        }
        assertEquals(center + ", L∞ radius 0.05", o.problem().source());
    }

    @Test
    void clipIntersectsTheLinfBox() {
        Box box = (Box) run("net", "--center", center.toString(), "--linf", "0.15", "--clip", "0,1")
                .problem().inputSets().get(0);
        assertEquals(0.0, box.lower(0));
        assertEquals(1.0, box.upper(2));
        assertTrue(box.upper(0) >= 0.25 && box.lower(2) <= 0.75);
    }

    @Test
    void l2BallTakesTheClipBoxAsDomain() {
        L2Ball ball = (L2Ball) run("net", "--center", center.toString(), "--l2", "0.5", "--clip", "-1,1")
                .problem().inputSets().get(0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.9}, ball.center());
        assertEquals(0.5, ball.radius());
        assertEquals(new Box(new double[] {-1, -1, -1}, new double[] {1, 1, 1}), ball.domain());
        L2Ball plain = (L2Ball) run("net", "--center", center.toString(), "--l2", "0.5").problem().inputSets().get(0);
        assertNull(plain.domain());
    }

    @Test
    void labelGivesTheRobustnessProperty() {
        InputSetOptions.ProblemSpec problem = run("net", "--center", center.toString(), "--linf", "0.1", "--label", "1")
                .problem();
        Property p = problem.property().orElseThrow();
        assertEquals(1, p.disjuncts().size());
        // unsafe when y0 ≥ y1: y1 − y0 ≤ 0
        assertEquals(LinearConstraints.of(new double[] {-1, 1}, 0), p.disjuncts().get(0).unsafe());
        assertEquals(problem.inputSets(), p.inputSets());
    }

    @Test
    void specFileGivesItsBoxesAndProperty() throws IOException {
        Path spec = Files.writeString(dir.resolve("p.vnnlib"), "(declare-const X_0 Real)(declare-const X_1 Real)"
                + "(declare-const X_2 Real)(declare-const Y_0 Real)(declare-const Y_1 Real)\n"
                + "(assert (or (and (<= X_0 1) (>= X_0 0) (<= X_1 1) (>= X_1 0) (<= X_2 1) (>= X_2 0) (<= Y_0 Y_1))\n"
                + "            (and (<= X_0 2) (>= X_0 1) (<= X_1 1) (>= X_1 0) (<= X_2 1) (>= X_2 0) (>= Y_0 3))))");
        InputSetOptions.ProblemSpec problem = run("net", spec.toString()).problem();
        Property expected = VnnLibParser.parse(spec);
        assertEquals(Optional.of(expected), problem.property());
        assertEquals(2, problem.inputSets().size());
        assertEquals(expected.inputSets(), problem.inputSets());
        assertEquals(spec.toString(), problem.source());
    }

    @Test
    void specSizesMustMatchTheNetwork() throws IOException {
        Path inputs = Files.writeString(dir.resolve("five.vnnlib"), "(declare-const X_0 Real)(declare-const X_1 Real)"
                + "(declare-const X_2 Real)(declare-const X_3 Real)(declare-const X_4 Real)(declare-const Y_0 Real)"
                + "(declare-const Y_1 Real)" + bounds(5));
        assertEquals(inputs + ": property has 5 inputs but the network has 3",
                runBad("net", inputs.toString()).bad().describe());
        Path outputs = Files.writeString(dir.resolve("one.vnnlib"), "(declare-const X_0 Real)(declare-const X_1 Real)"
                + "(declare-const X_2 Real)(declare-const Y_0 Real)" + bounds(3));
        assertEquals(outputs + ": property has 1 outputs but the network has 2",
                runBad("net", outputs.toString()).bad().describe());
        Path broken = Files.writeString(dir.resolve("broken.vnnlib"), "(declare-const X_0 Real");
        assertEquals(broken + ": line 1, column 1: '(' is never closed", runBad("net", broken.toString()).bad().describe());
    }

    private static String bounds(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("(assert (<= X_").append(i).append(" 1))(assert (>= X_").append(i).append(" 0))");
        }
        return s.toString();
    }

    @Test
    void badValuesAndEmptySetsAreBadInput() throws IOException {
        String c = center.toString();
        assertEquals("--linf: the radius must be a finite number ≥ 0, got -0.1",
                runBad("net", "--center", c, "--linf", "-0.1").bad().describe());
        assertEquals("--l2: the radius must be a finite number ≥ 0, got NaN",
                runBad("net", "--center", c, "--l2", "NaN").bad().describe());
        assertEquals("--clip: [0.0, 0.5] does not meet the L∞ ball of radius 0.1 around the centre: input 2 of the centre is 0.9",
                runBad("net", "--center", c, "--linf", "0.1", "--clip", "0,0.5").bad().describe());
        assertEquals("--clip", runBad("net", "--center", c, "--l2", "0.1", "--clip", "0,0.5").bad().source());
        assertEquals("--clip: expected finite LO ≤ HI, got 1,0",
                runBad("net", "--center", c, "--linf", "0.1", "--clip", "1,0").bad().describe());
        assertEquals("--label: 2 is not an output index: the network has 2 outputs (0..1)",
                runBad("net", "--center", c, "--linf", "0.1", "--label", "2").bad().describe());
        Path wide = Files.writeString(dir.resolve("wide.csv"), "1,2,3,4\n");
        assertEquals(wide.toString(), runBad("net", "--center", wide.toString(), "--linf", "0.1").bad().source());
    }

    @Test
    void missingAndConflictingOptionsAreUsageErrors() throws IOException {
        String c = center.toString();
        Path spec = Files.writeString(dir.resolve("s.vnnlib"), "");
        assertUsageError("missing input set: give SPEC (a .vnnlib file) or --center FILE.csv with --linf EPS or --l2 R", "net");
        assertUsageError("SPEC " + spec + " already gives the input set and property; do not add --center, --linf",
                "net", spec.toString(), "--center", c, "--linf", "0.1");
        assertUsageError("SPEC " + spec + " already gives the input set and property; do not add --label",
                "net", spec.toString(), "--label", "1");
        assertUsageError("--linf needs --center FILE.csv", "net", "--linf", "0.1");
        assertUsageError("--clip needs --center FILE.csv", "net", "--clip", "0,1");
        assertUsageError("--center needs a radius: --linf EPS or --l2 R", "net", "--center", c);
        assertUsageError("--linf and --l2 exclude each other: give one radius", "net", "--center", c, "--linf", "0.1",
                "--l2", "0.1");
        assertUsageError("--clip takes two numbers LO,HI, got '0,1,2'", "net", "--center", c, "--linf", "0.1", "--clip", "0,1,2");
        assertUsageError("--clip takes two numbers LO,HI, got 'a,1'", "net", "--center", c, "--l2", "0.1", "--clip", "a,1");
    }

    @Test
    void helpExplainsEveryOption() {
        String usage = new CommandLine(new Probe()).getUsageMessage().replaceAll("\\s+", " ");
        for (String expected : List.of("[SPEC]", "--center=FILE.csv", "--linf=EPS", "--l2=R", "--clip=LO,HI",
                "--label=K", "[--clip=LO,HI]", "VNN-LIB property", "the box [x0 − EPS, x0 + EPS]", "robustness")) {
            assertTrue(usage.contains(expected), "usage lacks '" + expected + "':\n" + usage);
        }
    }

    @Test
    void resolvedProblemIsImmutable() {
        InputSetOptions.ProblemSpec problem = run("net", "--center", center.toString(), "--l2", "1").problem();
        assertInstanceOf(L2Ball.class, problem.inputSets().get(0));
        List<?> sets = problem.inputSets();
        assertThrows(UnsupportedOperationException.class, () -> sets.remove(0));
    }
}

package org.reluscope.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reluscope.spec.VnnLib.assertTight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.input.Box;
import org.reluscope.testing.SharedBenchmarks;

/** The VNN-COMP properties in the shared benchmarks, checked against the files by hand and by regex. */
class VnnLibBenchmarksTest {
    private static final Pattern TOP_LEVEL_BOUND = Pattern.compile("\\(assert \\((<=|>=) X_(\\d+) ([^)\\s]+)\\)\\)");
    private static final Pattern MNIST_LABEL = Pattern.compile("; Mnist property with label: (\\d+)\\.");

    private static Property acas(String name) {
        return VnnLibParser.parse(SharedBenchmarks.require("acasxu/vnnlib/" + name + ".vnnlib"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, disjuncts, distinct boxes, rows in each disjunct
        "prop_1,  1, 1, 1",
        "prop_2,  1, 1, 4",
        "prop_3,  1, 1, 4",
        "prop_4,  1, 1, 4",
        "prop_5,  4, 1, 1",
        "prop_6,  8, 2, 1",
        "prop_7,  2, 1, 3",
        "prop_8,  3, 1, 2",
        "prop_9,  4, 1, 1",
        "prop_10, 4, 1, 1"})
    void acasPropertiesHaveTheirDisjunctStructure(String name, int disjuncts, int boxes, int rows) {
        Property p = acas(name);
        assertEquals(5, p.inputSize());
        assertEquals(5, p.outputSize());
        assertEquals(disjuncts, p.disjuncts().size());
        assertEquals(boxes, p.inputSets().size());
        for (Disjunct d : p.disjuncts()) {
            assertEquals(rows, d.unsafe().rowCount());
        }
    }

    @Test
    void acasProperty1ByHand() {
        Property p = acas("prop_1");
        Box box = (Box) p.disjuncts().get(0).input();
        assertTight("0.6", box.lower(0), false);
        assertTight("0.679857769", box.upper(0), true);
        assertTight("-0.5", box.lower(4), false);
        assertTight("-0.45", box.upper(4), true);
        assertTight("0.45", box.lower(3), false);
        LinearConstraints unsafe = p.disjuncts().get(0).unsafe();
        // Y_0 ≥ 3.991125645861615 ⇔ −y0 ≤ −3.991125645861615, rhs rounded up
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0}, unsafe.row(0));
        assertTight("-3.991125645861615", unsafe.rhs(0), true);
    }

    @Test
    void acasProperty6HasTwoBoxesEachWithFourOutputDisjuncts() {
        Property p = acas("prop_6");
        Box first = (Box) p.disjuncts().get(0).input();
        Box second = (Box) p.disjuncts().get(4).input();
        assertTight("0.11140846", first.lower(1), false);
        assertTight("0.499999896", first.upper(1), true);
        assertTight("-0.499999896", second.lower(1), false);
        assertTight("-0.11140846", second.upper(1), true);
        assertTight("-0.129289109", second.lower(0), false);
        for (int k = 0; k < 8; k++) {
            assertSame(k < 4 ? first : second, p.disjuncts().get(k).input());
            // (<= Y_j Y_0) for j = 1..4: y_j − y_0 ≤ 0
            double[] row = new double[5];
            row[0] = -1;
            row[k % 4 + 1] = 1;
            assertEquals(LinearConstraints.of(row, 0), p.disjuncts().get(k).unsafe());
        }
    }

    @Test
    void acasProperty7DisjunctsConjoinThreeRows() {
        LinearConstraints second = acas("prop_7").disjuncts().get(1).unsafe();
        // (and (<= Y_4 Y_0) (<= Y_4 Y_1) (<= Y_4 Y_2))
        double[][] a = {{-1, 0, 0, 0, 1}, {0, -1, 0, 0, 1}, {0, 0, -1, 0, 1}};
        assertEquals(new LinearConstraints(a, new double[3]), second);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"})
    void mnistPropertiesAreRobustnessAroundOneBox(String image) throws IOException {
        for (String eps : new String[] {"0.03", "0.05"}) {
            Path file = SharedBenchmarks.require("mnistfc/vnnlib/prop_" + image + "_" + eps + ".vnnlib");
            String text = Files.readString(file);
            Property p = VnnLibParser.parse(file);
            assertEquals(784, p.inputSize());
            assertEquals(10, p.outputSize());
            assertEquals(9, p.disjuncts().size());
            assertEquals(1, p.inputSets().size());
            Box box = (Box) p.inputSets().get(0);
            Matcher bound = TOP_LEVEL_BOUND.matcher(text);
            int bounds = 0;
            while (bound.find()) {
                int i = Integer.parseInt(bound.group(2));
                boolean upper = bound.group(1).equals("<=");
                assertTight(bound.group(3), upper ? box.upper(i) : box.lower(i), upper);
                bounds++;
            }
            assertEquals(2 * 784, bounds);
            Matcher label = MNIST_LABEL.matcher(text);
            assertTrue(label.find(), file + " names no label");
            // the file's (>= Y_j Y_label) disjuncts are exactly the robustness rows y_label − y_j ≤ 0
            assertEquals(Property.robustness(box, 10, Integer.parseInt(label.group(1))), p);
        }
    }

    @Test
    void mnistRowByHand() {
        Property p = VnnLibParser.parse(SharedBenchmarks.require("mnistfc/vnnlib/prop_0_0.03.vnnlib"));
        // first disjunct: (>= Y_0 Y_8) ⇔ y8 − y0 ≤ 0
        double[] row = new double[10];
        row[0] = -1;
        row[8] = 1;
        assertEquals(LinearConstraints.of(row, 0), p.disjuncts().get(0).unsafe());
        Box box = (Box) p.inputSets().get(0);
        assertEquals(0.0, box.lower(783));
        assertTight("0.029999999329447746", box.upper(783), true);
    }

    @Test
    void parsingAnMnistPropertyIsFast() {
        Path file = SharedBenchmarks.require("mnistfc/vnnlib/prop_0_0.05.vnnlib");
        for (int warm = 0; warm < 20; warm++) {
            VnnLibParser.parse(file);
        }
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            VnnLibParser.parse(file);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(best < 100_000_000L, "best of 5 warm parses took " + best / 1e6 + " ms");
    }
}

package org.reluscope.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.input.Box;
import org.reluscope.input.L2Ball;
import org.reluscope.testing.SharedBenchmarks;

class VnnLibWriterTest {

    private static Property roundTrip(Property p) {
        return VnnLibParser.parse(VnnLibWriter.toText(p, "round trip\nsecond line"), "written.vnnlib");
    }

    @Test
    void everySharedPropertySurvivesARoundTrip() throws IOException {
        int files = 0;
        for (String folder : new String[] {"acasxu/vnnlib", "mnistfc/vnnlib"}) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(SharedBenchmarks.require(folder), "*.vnnlib")) {
                for (Path file : dir) {
                    Property p = VnnLibParser.parse(file);
                    assertEquals(p, roundTrip(p), file.toString());
                    files++;
                }
            }
        }
        assertEquals(40, files);
    }

    @Test
    void randomPropertiesWithGeneralRowsSurviveARoundTrip() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(4);
            List<Box> boxes = new ArrayList<>();
            for (int b = 0; b <= random.nextInt(3); b++) {
                double[] lo = new double[n];
                double[] hi = new double[n];
                for (int i = 0; i < n; i++) {
                    lo[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                    hi[i] = lo[i] + random.nextDouble();
                }
                boxes.add(new Box(lo, hi));
            }
            List<Disjunct> disjuncts = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                int rows = random.nextInt(3);
                double[][] a = new double[rows][m];
                double[] b = new double[rows];
                for (int r = 0; r < rows; r++) {
                    a[r][random.nextInt(m)] = random.nextBoolean() ? 1 : -1;
                    for (int j = 0; j < m; j++) {
                        a[r][j] += random.nextInt(3) == 0 ? random.nextGaussian() : 0;
                    }
                    b[r] = random.nextInt(4) == 0 ? 0 : random.nextGaussian() * 100;
                }
                disjuncts.add(new Disjunct(boxes.get(random.nextInt(boxes.size())), new LinearConstraints(a, b)));
            }
            Property p = new Property(n, m, disjuncts);
            assertEquals(p, roundTrip(p), "trial " + trial + ":\n" + VnnLibWriter.toText(p, ""));
        }
    }

    @Test
    void readableFormsForCommonRows() {
        Box box = new Box(new double[] {0, -1}, new double[] {0.5, 1});
        Property p = new Property(2, 3, List.of(
                new Disjunct(box, new LinearConstraints(new double[][] {{0, 1, 0}, {-1, 0, 0}}, new double[] {2, -3})),
                new Disjunct(box, LinearConstraints.of(new double[] {1, 0, -1}, 0)),
                new Disjunct(box, LinearConstraints.of(new double[] {2, 0, 0.5}, 1))));
        String text = VnnLibWriter.toText(p, "three disjuncts");
        assertTrue(text.startsWith("; three disjuncts\n"), text);
        assertTrue(text.contains("(assert (<= X_0 0.5))\n(assert (>= X_0 0.0))\n"), text);
        assertTrue(text.contains("    (and (<= Y_1 2.0) (>= Y_0 3.0))\n"), text);
        assertTrue(text.contains("    (and (<= Y_0 Y_2))\n"), text);
        assertTrue(text.contains("    (and (<= (+ (* 2.0 Y_0) (* 0.5 Y_2)) 1.0))\n"), text);
    }

    @Test
    void writesAFileAndRejectsBallsAndEmptyRows(@TempDir Path dir) {
        Box box = new Box(new double[] {0}, new double[] {1});
        Property p = new Property(1, 2, List.of(new Disjunct(box, LinearConstraints.of(new double[] {1, -1}, 0.1))));
        Path file = dir.resolve("p.vnnlib");
        VnnLibWriter.write(p, "", file);
        assertEquals(p, VnnLibParser.parse(file));

        Property ball = new Property(1, 2, List.of(new Disjunct(new L2Ball(new double[] {0}, 1),
                LinearConstraints.of(new double[] {1, -1}, 0))));
        assertThrows(IllegalArgumentException.class, () -> VnnLibWriter.toText(ball, ""));
        Property zero = new Property(1, 2, List.of(new Disjunct(box, LinearConstraints.of(new double[] {0, 0}, 1))));
        assertThrows(IllegalArgumentException.class, () -> VnnLibWriter.toText(zero, ""));
    }
}

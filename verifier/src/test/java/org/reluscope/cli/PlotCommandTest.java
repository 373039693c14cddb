package org.reluscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code plot} on the three-lines network (hidden x₁, x₂, x₁ + x₂ − 1; every region has its
 * own affine map), in the L2 disk of radius 1.2 around the origin, which meets all 7 regions.
 */
class PlotCommandTest {
    private static final String LINES = """
            {"layers": [
              {"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1], "activation": "relu"},
              {"weights": [[1, -1, 1], [-1, 1, 0.5]], "bias": [0, 0], "activation": "linear"}
            ]}
            """;
    private static final double RADIUS = 1.2;
    /** The picture's frame is 600 pixels wide for the diameter; the legend strip below it 40 high. */
    private static final int SIZE = 600;
    private static final double SCALE = SIZE / (2 * RADIUS);

    @TempDir
    Path dir;

    private CliRun plot(String output, String... extra) throws IOException {
        Path net = Files.writeString(dir.resolve("lines.json"), LINES);
        Path center = Files.writeString(dir.resolve("center.csv"), "0,0\n");
        String[] base = {"plot", net.toString(), "--center", center.toString(), "--l2", String.valueOf(RADIUS),
                "-o", dir.resolve(output).toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void svgHasOnePolygonPerRegionAndTheLegend() throws Exception {
        CliRun run = plot("lines.svg");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("7 regions drawn"), run.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("lines.svg").toFile());
        assertEquals(7, doc.getElementsByTagName("polygon").getLength());
        assertTrue(Files.readString(dir.resolve("lines.svg")).contains("7 regions, 7 distinct affine maps"));
    }

    /** Kept in [0, 1]², the disk around the origin only meets the two regions of the positive quadrant. */
    @Test
    void clipKeepsTheDiskInTheDomain() throws Exception {
        CliRun run = plot("clipped.svg", "--clip", "0,1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("2 regions drawn"), run.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("clipped.svg").toFile());
        assertEquals(2, doc.getElementsByTagName("polygon").getLength());
    }

    /**
     * Pixels well inside the disk and away from the three lines: pixels of the same activation
     * pattern (computed here from the lines, not by the plot) share a colour, pixels of
     * different patterns differ; the legend strip below the frame holds text in both lines,
     * and the data point is a black dot.
     */
    @Test
    void pngColoursFollowTheRegionsAndCarryTheLegend() throws IOException {
        Path points = Files.writeString(dir.resolve("points.csv"), "0.6,-0.4\n");
        CliRun run = plot("lines.png", "--points", points.toString());
        assertEquals(0, run.code(), run.err());
        BufferedImage image = ImageIO.read(dir.resolve("lines.png").toFile());
        assertEquals(SIZE, image.getWidth());
        assertEquals(SIZE + 40, image.getHeight());
        Map<String, Integer> colourOfPattern = new HashMap<>();
        double margin = 4 / SCALE;
        for (int px = 0; px < SIZE; px += 5) {
            for (int py = 0; py < SIZE; py += 5) {
                double s = (px + 0.5 - SIZE / 2.0) / SCALE;
                double t = (SIZE / 2.0 - py - 0.5) / SCALE;
                boolean clear = Math.hypot(s, t) < RADIUS - margin && Math.abs(s) > margin && Math.abs(t) > margin
                        && Math.abs(s + t - 1) / Math.sqrt(2) > margin && Math.hypot(s - 0.6, t + 0.4) > margin;
                if (clear) {
                    String pattern = (s > 0 ? "1" : "0") + (t > 0 ? "1" : "0") + (s + t > 1 ? "1" : "0");
                    int rgb = image.getRGB(px, py) & 0xffffff;
                    Integer seen = colourOfPattern.putIfAbsent(pattern, rgb);
                    if (seen != null) {
                        assertEquals(seen.intValue(), rgb, "pixel " + px + "," + py + " of pattern " + pattern);
                    }
                }
            }
        }
        assertEquals(7, colourOfPattern.size());
        assertEquals(7, colourOfPattern.values().stream().distinct().count(), "each map its own colour: " + colourOfPattern);
        assertEquals(0, image.getRGB((int) (SIZE / 2.0 + 0.6 * SCALE), (int) (SIZE / 2.0 + 0.4 * SCALE)) & 0xffffff,
                "the point (0.6, -0.4) is drawn in black");
        assertTrue(darkPixels(image, SIZE + 4, SIZE + 18) > 50, "caption line is empty");
        assertTrue(darkPixels(image, SIZE + 21, SIZE + 36) > 50, "legend line is empty");
    }

    private static int darkPixels(BufferedImage image, int fromRow, int toRow) {
        int dark = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                dark += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300 ? 1 : 0;
            }
        }
        return dark;
    }
}

package org.reluscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small digits-like data set drawn here, so the experiments need no download: the ten digits
 * as stroke templates (polylines in the unit square, y pointing down), each sample rendered on
 * a {@code size × size} pixel grid after a random shift, scale and slant, with a random stroke
 * thickness and Gaussian pixel noise. Pixels are in [0, 1] (0 background, 1 ink), stored row by
 * row; the same seed gives the same images.
 */
final class DigitGlyphs {
    /** Largest shift of a glyph, in units of the square (0.1 is 0.8 pixel at size 8). */
    private static final double MAX_SHIFT = 0.1;
    /** Range of the glyph's scale about the square's centre. */
    private static final double MIN_SCALE = 0.85;
    private static final double MAX_SCALE = 1.05;
    /** Largest horizontal shear, x += slant · (y − 1/2). */
    private static final double MAX_SLANT = 0.2;
    /** Range of the stroke's half-width, in units of the square. */
    private static final double MIN_HALF_WIDTH = 0.04;
    private static final double MAX_HALF_WIDTH = 0.09;
    /** Standard deviation of the Gaussian noise added to every pixel before clamping to [0, 1]. */
    private static final double NOISE = 0.05;

    /** The polylines of each digit 0–9, as (x, y) vertex lists in the unit square. */
    private static final double[][][][] STROKES = {
        {ellipse(0.5, 0.5, 0.28, 0.4)},
        {{{0.35, 0.25}, {0.55, 0.1}, {0.55, 0.9}}},
        {{{0.2, 0.3}, {0.35, 0.12}, {0.65, 0.12}, {0.8, 0.3}, {0.2, 0.88}, {0.82, 0.88}}},
        {{{0.2, 0.12}, {0.8, 0.12}, {0.5, 0.45}, {0.8, 0.62}, {0.68, 0.88}, {0.2, 0.85}}},
        {{{0.65, 0.9}, {0.65, 0.1}, {0.15, 0.65}, {0.85, 0.65}}},
        {{{0.8, 0.12}, {0.25, 0.12}, {0.22, 0.45}, {0.65, 0.45}, {0.8, 0.65}, {0.65, 0.88}, {0.2, 0.88}}},
        {{{0.72, 0.1}, {0.32, 0.4}, {0.22, 0.7}, {0.4, 0.9}, {0.7, 0.85}, {0.76, 0.62}, {0.5, 0.5}, {0.25, 0.62}}},
        {{{0.2, 0.12}, {0.8, 0.12}, {0.42, 0.9}}},
        {ellipse(0.5, 0.28, 0.2, 0.17), ellipse(0.5, 0.68, 0.26, 0.21)},
        {ellipse(0.5, 0.32, 0.24, 0.21), {{0.74, 0.32}, {0.62, 0.9}}},
    };

    private DigitGlyphs() {
    }

    /** {@code count} labelled images, labels cycling 0, 1, …, 9 (balanced classes). */
    static SyntheticData sample(int count, int size, long seed) {
        Random random = new Random(seed);
        List<double[]> images = new ArrayList<>(count);
        int[] labels = new int[count];
        for (int k = 0; k < count; k++) {
            labels[k] = k % STROKES.length;
            images.add(render(STROKES[labels[k]], size, random));
        }
        return new SyntheticData(images, labels);
    }

    /**
     * One image: each pixel's ink is its centre's distance to the nearest (transformed) stroke,
     * turned into coverage by a one-pixel linear ramp around the stroke's edge, plus noise.
     */
    private static double[] render(double[][][] strokes, int size, Random random) {
        double dx = MAX_SHIFT * (2 * random.nextDouble() - 1);
        double dy = MAX_SHIFT * (2 * random.nextDouble() - 1);
        double scale = MIN_SCALE + (MAX_SCALE - MIN_SCALE) * random.nextDouble();
        double slant = MAX_SLANT * (2 * random.nextDouble() - 1);
        double halfWidth = MIN_HALF_WIDTH + (MAX_HALF_WIDTH - MIN_HALF_WIDTH) * random.nextDouble();
        List<double[]> moved = new ArrayList<>();
        for (double[][] line : strokes) {
            double[] xy = new double[2 * line.length];
            for (int v = 0; v < line.length; v++) {
                double y = 0.5 + scale * (line[v][1] - 0.5);
                xy[2 * v] = 0.5 + scale * (line[v][0] - 0.5) + slant * (y - 0.5) + dx;
                xy[2 * v + 1] = y + dy;
            }
            moved.add(xy);
        }
        double pixel = 1.0 / size;
        double[] image = new double[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double d = distance((col + 0.5) * pixel, (row + 0.5) * pixel, moved);
                double ink = Math.min(1, Math.max(0, (halfWidth + pixel / 2 - d) / pixel));
                image[row * size + col] = Math.min(1, Math.max(0, ink + NOISE * random.nextGaussian()));
            }
        }
        return image;
    }

    /** Distance from (px, py) to the nearest segment of the polylines (flat x, y vertex arrays). */
    private static double distance(double px, double py, List<double[]> polylines) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] xy : polylines) {
            for (int v = 0; v + 3 < xy.length; v += 2) {
                best = Math.min(best, segmentDistance(px, py, xy[v], xy[v + 1], xy[v + 2], xy[v + 3]));
            }
        }
        return best;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double ux = bx - ax;
        double uy = by - ay;
        double length2 = ux * ux + uy * uy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * ux + (py - ay) * uy) / length2));
        return Math.hypot(px - ax - t * ux, py - ay - t * uy);
    }

    /** A closed 12-gon approximating the ellipse with centre (cx, cy) and half-axes (rx, ry). */
    private static double[][] ellipse(double cx, double cy, double rx, double ry) {
        int sides = 12;
        double[][] vertices = new double[sides + 1][];
        for (int v = 0; v <= sides; v++) {
            double angle = 2 * Math.PI * v / sides;
            vertices[v] = new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)};
        }
        return vertices;
    }

    /** The image as rows of characters from ' ' (0) to '#' (1), to look at the data in a terminal. */
    static String ascii(double[] image, int size) {
        String shades = " .:-=+*#";
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                sb.append(shades.charAt((int) Math.min(shades.length() - 1, image[row * size + col] * shades.length())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

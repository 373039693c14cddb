package org.reluscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reluscope.local.Neighborhood;
import org.reluscope.local.SliceRegions;
import org.reluscope.region.AffineMap;

/**
 * Pictures of a 2-D slice's regions ({@link SliceRegions}): one filled polygon per region,
 * coloured by its affine map (regions with the same map share a colour) or by the class the
 * network predicts on it, the outline of the slice (rectangle or circle), and a legend with
 * the counts. SVG, or PNG through Java's headless 2-D graphics.
 */
public final class RegionSvg {
    private static final int SIZE = 600;
    private static final int LEGEND = 40;
    private static final int POINT_RADIUS = 3;
    private static final double SAME_MAP_TOLERANCE = 1e-9;

    private RegionSvg() {
    }

    /** What colours a region. */
    public enum Colouring {
        /** One colour per distinct affine map. */
        MAP,
        /** One colour per predicted class (the largest output at the polygon's centroid). */
        CLASS
    }

    /**
     * The picture of a slice with half-widths ri, rj (a circle of radius ri when {@code disk}).
     *
     * @param points  data points in slice coordinates (s, t), drawn as dots when inside the frame
     * @param caption the legend's first line (network, centre, dimensions)
     */
    public static String svg(List<SliceRegions.Polygon> polygons, double ri, double rj, boolean disk, Colouring colouring,
                             List<double[]> points, String caption) {
        int[] colours = colours(polygons, colouring);
        double scale = SIZE / (2 * Math.max(ri, rj));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", SIZE, SIZE + LEGEND));
        for (int k = 0; k < polygons.size(); k++) {
            StringBuilder vertices = new StringBuilder();
            for (double[] p : polygons.get(k).polygon()) {
                vertices.append(String.format(Locale.ROOT, "%.3f,%.3f ", x(p[0], scale), y(p[1], scale)));
            }
            sb.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"#%06x\" stroke=\"#333\" "
                    + "stroke-width=\"0.5\"><title>region %d</title></polygon>%n", vertices.toString().strip(), colours[k], k));
        }
        if (disk) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.3f\" cy=\"%.3f\" r=\"%.3f\" fill=\"none\" stroke=\"black\" "
                    + "stroke-width=\"2\"/>%n", x(0, scale), y(0, scale), ri * scale));
        } else {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.3f\" y=\"%.3f\" width=\"%.3f\" height=\"%.3f\" fill=\"none\" "
                    + "stroke=\"black\" stroke-width=\"2\"/>%n", x(-ri, scale), y(rj, scale), 2 * ri * scale, 2 * rj * scale));
        }
        for (double[] p : framed(points, ri, rj)) {
            sb.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.3f\" cy=\"%.3f\" r=\"%d\" "
                    + "fill=\"black\"/>%n", x(p[0], scale), y(p[1], scale), POINT_RADIUS));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%s</text>%n<text x=\"8\" y=\"%d\">%s</text>%n</svg>%n",
                SIZE + 16, escape(caption), SIZE + 32, escape(legend(polygons, colouring))));
        return sb.toString();
    }

    /**
     * The same picture as a PNG image, the legend's two lines drawn below the frame in the
     * platform's default sans-serif font.
     */
    public static BufferedImage png(List<SliceRegions.Polygon> polygons, double ri, double rj, boolean disk,
                                    Colouring colouring, List<double[]> points, String caption) {
        int[] colours = colours(polygons, colouring);
        double scale = SIZE / (2 * Math.max(ri, rj));
        BufferedImage image = new BufferedImage(SIZE, SIZE + LEGEND, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE + LEGEND);
        for (int k = 0; k < polygons.size(); k++) {
            Path2D.Double path = new Path2D.Double();
            List<double[]> p = polygons.get(k).polygon();
            path.moveTo(x(p.get(0)[0], scale), y(p.get(0)[1], scale));
            for (int v = 1; v < p.size(); v++) {
                path.lineTo(x(p.get(v)[0], scale), y(p.get(v)[1], scale));
            }
            path.closePath();
            g.setColor(new Color(colours[k]));
            g.fill(path);
            g.setColor(Color.DARK_GRAY);
            g.draw(path);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        if (disk) {
            g.drawOval((int) Math.round(x(-ri, scale)), (int) Math.round(y(ri, scale)), (int) Math.round(2 * ri * scale),
                    (int) Math.round(2 * ri * scale));
        } else {
            g.drawRect((int) Math.round(x(-ri, scale)), (int) Math.round(y(rj, scale)), (int) Math.round(2 * ri * scale),
                    (int) Math.round(2 * rj * scale));
        }
        for (double[] p : framed(points, ri, rj)) {
            g.fill(new Ellipse2D.Double(x(p[0], scale) - POINT_RADIUS, y(p[1], scale) - POINT_RADIUS, 2 * POINT_RADIUS,
                    2 * POINT_RADIUS));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(caption, 8, SIZE + 16);
        g.drawString(legend(polygons, colouring), 8, SIZE + 32);
        g.dispose();
        return image;
    }

    /** The points inside the frame [−ri, ri] × [−rj, rj]. */
    private static List<double[]> framed(List<double[]> points, double ri, double rj) {
        return points.stream().filter(p -> Math.abs(p[0]) <= ri && Math.abs(p[1]) <= rj).toList();
    }

    private static double x(double s, double scale) {
        return SIZE / 2.0 + s * scale;
    }

    private static double y(double t, double scale) {
        return SIZE / 2.0 - t * scale;
    }

    /** An RGB colour per polygon, keys spread around the hue circle by the golden angle. */
    private static int[] colours(List<SliceRegions.Polygon> polygons, Colouring colouring) {
        return Arrays.stream(keys(polygons, colouring))
                .map(key -> Color.HSBtoRGB((float) (key * 0.618033988749895 % 1.0), 0.45f, 0.95f) & 0xffffff).toArray();
    }

    /** Per polygon the index of its distinct map, or its predicted class. */
    private static int[] keys(List<SliceRegions.Polygon> polygons, Colouring colouring) {
        int[] keys = new int[polygons.size()];
        List<AffineMap> maps = new ArrayList<>();
        for (int k = 0; k < keys.length; k++) {
            SliceRegions.Polygon p = polygons.get(k);
            int key;
            if (colouring == Colouring.CLASS) {
                key = Neighborhood.argmax(p.map().apply(centroid(p.polygon())));
            } else {
                key = indexOf(maps, p.map());
                if (key < 0) {
                    maps.add(p.map());
                    key = maps.size() - 1;
                }
            }
            keys[k] = key;
        }
        return keys;
    }

    private static int indexOf(List<AffineMap> maps, AffineMap map) {
        for (int k = 0; k < maps.size(); k++) {
            if (maps.get(k).sameAs(map, SAME_MAP_TOLERANCE)) {
                return k;
            }
        }
        return -1;
    }

    private static double[] centroid(List<double[]> polygon) {
        double[] c = new double[2];
        for (double[] p : polygon) {
            c[0] += p[0] / polygon.size();
            c[1] += p[1] / polygon.size();
        }
        return c;
    }

    private static String legend(List<SliceRegions.Polygon> polygons, Colouring colouring) {
        long distinct = Arrays.stream(keys(polygons, colouring)).distinct().count();
        return String.format(Locale.ROOT, "%d regions, %d %s", polygons.size(), distinct,
                colouring == Colouring.MAP ? "distinct affine maps" : "predicted classes");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

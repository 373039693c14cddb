package org.reluscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG line chart: panels in rows, each with named series of (x, y) points,
 * linear axes from the data's range, tick labels at the ends. Enough for the experiment
 * plots; not a general plotting library.
 */
final class SvgChart {
    private static final int PANEL_WIDTH = 360;
    private static final int PANEL_HEIGHT = 240;
    private static final int MARGIN = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    /** One series of a panel. */
    record Series(String name, double[] x, double[] y) {
    }

    /** One panel: a title, an x-axis label and its series. */
    record Panel(String title, String xLabel, List<Series> series) {
    }

    private final List<Panel> panels = new ArrayList<>();
    private final int columns;

    /** A chart laying its panels out in rows of {@code columns}. */
    SvgChart(int columns) {
        this.columns = columns;
    }

    void add(Panel panel) {
        panels.add(panel);
    }

    String render() {
        int rows = (panels.size() + columns - 1) / columns;
        int width = Math.min(columns, panels.size()) * (PANEL_WIDTH + 2 * MARGIN);
        int height = rows * (PANEL_HEIGHT + 2 * MARGIN);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width, height));
        for (int p = 0; p < panels.size(); p++) {
            panel(sb, panels.get(p), p % columns * (PANEL_WIDTH + 2 * MARGIN) + MARGIN,
                    p / columns * (PANEL_HEIGHT + 2 * MARGIN) + MARGIN);
        }
        return sb.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder sb, Panel panel, int left, int top) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = 0;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : panel.series()) {
            for (int k = 0; k < s.x().length; k++) {
                xMin = Math.min(xMin, s.x()[k]);
                xMax = Math.max(xMax, s.x()[k]);
                yMax = Math.max(yMax, s.y()[k]);
            }
        }
        double xSpan = xMax > xMin ? xMax - xMin : 1;
        double ySpan = yMax > yMin ? yMax - yMin : 1;
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>%n", left, top - 20,
                escape(panel.title())));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", left, top, PANEL_WIDTH, PANEL_HEIGHT));
        label(sb, left, top + PANEL_HEIGHT + 15, fmt(xMin));
        label(sb, left + PANEL_WIDTH - 30, top + PANEL_HEIGHT + 15, fmt(xMax));
        label(sb, left + PANEL_WIDTH / 2 - 20, top + PANEL_HEIGHT + 30, panel.xLabel());
        label(sb, left - 45, top + PANEL_HEIGHT, fmt(yMin));
        label(sb, left - 45, top + 10, fmt(yMax));
        for (int i = 0; i < panel.series().size(); i++) {
            Series s = panel.series().get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int k = 0; k < s.x().length; k++) {
                double px = left + (s.x()[k] - xMin) / xSpan * PANEL_WIDTH;
                double py = top + PANEL_HEIGHT - (s.y()[k] - yMin) / ySpan * PANEL_HEIGHT;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", colour, points.toString().strip()));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", left + 10,
                    top + 15 + 14 * i, colour, escape(s.name())));
        }
    }

    private static void label(StringBuilder sb, int x, int y, String text) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y, escape(text)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.reluscope.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reluscope.BadInputException;

/**
 * Reads points from CSV: one point per line, comma-separated numbers, no header. Blank lines
 * and lines starting with {@code #} are skipped. A single line of many numbers, or one
 * number per line when a single point is expected, both read as one point.
 */
public final class PointFiles {
    private PointFiles() {
    }

    /**
     * Every row of the file, each of length {@code width} (or any common length when
     * {@code width} is negative).
     *
     * @throws BadInputException on a missing file, a non-number (with line and column), a
     *                           NaN/infinite entry, or a row of the wrong width
     */
    public static List<double[]> readRows(Path file, int width) {
        List<String> lines = readLines(file);
        List<double[]> rows = new ArrayList<>();
        int expected = width;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            double[] row = parseRow(file, n + 1, line);
            if (expected < 0) {
                expected = row.length;
            }
            if (row.length != expected) {
                throw new BadInputException(file, "line " + (n + 1) + ": has " + row.length + " values, expected " + expected);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file, "no points in file");
        }
        return rows;
    }

    /**
     * The lines of a text file; a missing file is a {@link BadInputException} ("no such
     * file"), other I/O failures an {@link UncheckedIOException}.
     */
    public static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One point of dimension {@code dimension}: either one row of that width or a column of
     * {@code dimension} single-value lines.
     */
    public static double[] readPoint(Path file, int dimension) {
        List<double[]> rows = readRows(file, -1);
        if (rows.size() == 1 && rows.get(0).length == dimension) {
            return rows.get(0);
        }
        if (rows.size() == dimension && rows.get(0).length == 1) {
            double[] x = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                x[i] = rows.get(i)[0];
            }
            return x;
        }
        throw new BadInputException(file, "expected one point of dimension " + dimension + ", found "
                + rows.size() + " row(s) of " + rows.get(0).length + " value(s)");
    }

    private static double[] parseRow(Path file, int lineNumber, String line) {
        String[] cells = line.split(",", -1);
        double[] row = new double[cells.length];
        int column = 1;
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            try {
                row[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new BadInputException(file, "line " + lineNumber + ", column " + column + ": '" + cell
                        + "' is not a number");
            }
            if (!Double.isFinite(row[i])) {
                throw new BadInputException(file, "line " + lineNumber + ", column " + column + ": value " + cell
                        + " is not finite");
            }
            column += cells[i].length() + 1;
        }
        return row;
    }
}

package org.reluscope.algebra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reluscope.BadInputException;
import org.reluscope.input.PointFiles;

/**
 * Reads activation patterns for {@code reluscope variety --patterns FILE}.
 *
 * <p>Format: one line per input point; on each line, one 0/1 string per hidden layer (in
 * order), separated by spaces or {@code |}, e.g. {@code 110 01} for a network with hidden
 * widths 3 and 2. Blank lines and lines starting with {@code #} are ignored. A file with a
 * single pattern line gives that pattern to every point.
 */
public final class PatternFile {
    private PatternFile() {
    }

    /**
     * @param widths n_0, …, n_L
     * @param points the number of points k, or −1 to take one point per line
     * @throws BadInputException on a missing file, a bad character or a wrong length (with the
     *                           line and layer), or a line count that is neither 1 nor k
     */
    public static boolean[][][] read(Path file, int[] widths, int points) {
        List<String> lines = PointFiles.readLines(file);
        List<boolean[][]> patterns = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                patterns.add(parse(file, n + 1, line, widths));
            }
        }
        if (patterns.isEmpty()) {
            throw new BadInputException(file, "no pattern lines");
        }
        int k = points < 0 ? patterns.size() : points;
        if (patterns.size() != 1 && patterns.size() != k) {
            throw new BadInputException(file, patterns.size() + " pattern lines for " + k
                    + " points: give one line per point, or a single line for all");
        }
        boolean[][][] out = new boolean[k][][];
        for (int j = 0; j < k; j++) {
            out[j] = patterns.get(patterns.size() == 1 ? 0 : j);
        }
        return out;
    }

    private static boolean[][] parse(Path file, int lineNumber, String line, int[] widths) {
        String[] layers = line.split("[\\s|]+");
        int hidden = widths.length - 2;
        if (layers.length != hidden) {
            throw new BadInputException(file, "line " + lineNumber + ": " + layers.length + " layer pattern(s), the"
                    + " network has " + hidden + " hidden layer(s)");
        }
        boolean[][] p = new boolean[hidden][];
        for (int l = 0; l < hidden; l++) {
            if (layers[l].length() != widths[l + 1]) {
                throw new BadInputException(file, "line " + lineNumber + ": hidden layer " + (l + 1) + " pattern '"
                        + layers[l] + "' has " + layers[l].length() + " units, the layer has " + widths[l + 1]);
            }
            p[l] = new boolean[widths[l + 1]];
            for (int i = 0; i < p[l].length; i++) {
                char c = layers[l].charAt(i);
                if (c != '0' && c != '1') {
                    throw new BadInputException(file, "line " + lineNumber + ": hidden layer " + (l + 1)
                            + " has '" + c + "' at unit " + i + "; patterns are strings of 0 and 1");
                }
                p[l][i] = c == '1';
            }
        }
        return p;
    }
}

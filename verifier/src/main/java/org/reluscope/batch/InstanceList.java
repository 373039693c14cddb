package org.reluscope.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reluscope.BadInputException;
import org.reluscope.input.PointFiles;

/**
 * Reads a VNN-COMP instance list: one instance per line, {@code network,property,timeout}
 * (seconds), no header. Blank lines, lines starting with {@code #} and a first line that is a
 * header ({@code network,…}) are skipped.
 *
 * <p>Paths are relative to the folder of the list, or to {@code root} when given; absolute
 * paths stay as they are. VNN-COMP benchmark repositories keep networks in {@code onnx/} and
 * properties in {@code vnnlib/} while their lists name the bare file, and ship them gzip'd, so
 * for each path the first existing of {@code base/p}, {@code base/<sub>/p} and the same with
 * {@code .gz} appended is used. A file that exists nowhere is kept as {@code base/p}: the batch
 * reports that one instance as an error and runs the others.
 */
public final class InstanceList {
    private InstanceList() {
    }

    /**
     * The instances listed in {@code csv}.
     *
     * @param root the folder paths are relative to, or empty for the list's own folder
     * @throws BadInputException naming the file and line of the first malformed row, or when no instance is listed
     */
    public static List<Instance> read(Path csv, Optional<Path> root) {
        Path base = root.orElseGet(() -> csv.toAbsolutePath().getParent());
        List<String> lines = PointFiles.readLines(csv);
        List<Instance> instances = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(csv, n + 1, line);
            if (instances.isEmpty() && isHeader(fields)) {
                continue;
            }
            instances.add(instance(csv, n + 1, fields, base));
        }
        if (instances.isEmpty()) {
            throw new BadInputException(csv, "no instances listed (expected lines network,property,timeout)");
        }
        return instances;
    }

    private static List<String> fields(Path csv, int line, String text) {
        List<String> fields = CsvRecords.split(csv, line, text);
        if (fields.size() != 3) {
            throw new BadInputException(csv, "line " + line + ": expected 3 fields network,property,timeout, found "
                    + fields.size());
        }
        return fields;
    }

    private static boolean isHeader(List<String> fields) {
        return fields.get(0).equalsIgnoreCase("network") || fields.get(0).equalsIgnoreCase("onnx");
    }

    private static Instance instance(Path csv, int line, List<String> fields, Path base) {
        String[] what = {"network", "property"};
        for (int k = 0; k < 2; k++) {
            if (fields.get(k).isEmpty()) {
                throw new BadInputException(csv, "line " + line + ": the " + what[k] + " path is empty");
            }
        }
        double timeout;
        try {
            timeout = Double.parseDouble(fields.get(2));
        } catch (NumberFormatException e) {
            throw new BadInputException(csv, "line " + line + ": timeout '" + fields.get(2) + "' is not a number");
        }
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new BadInputException(csv, "line " + line + ": timeout " + fields.get(2)
                    + " must be a positive number of seconds");
        }
        return new Instance(resolve(base, fields.get(0), "onnx").toString(),
                resolve(base, fields.get(1), "vnnlib").toString(), timeout);
    }

    /** The first existing candidate for {@code written} (see the class comment), else {@code base/written}. */
    static Path resolve(Path base, String written, String subfolder) {
        Path given = base.resolve(written);
        List<Path> folders = Path.of(written).isAbsolute() ? List.of(given)
                : List.of(given, base.resolve(subfolder).resolve(written));
        for (Path p : folders) {
            for (Path candidate : List.of(p, p.resolveSibling(p.getFileName() + ".gz"))) {
                if (candidate.toFile().isFile()) {
                    return candidate.normalize();
                }
            }
        }
        return given.normalize();
    }
}

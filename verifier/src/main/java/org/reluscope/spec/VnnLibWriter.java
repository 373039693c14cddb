package org.reluscope.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.numeric.Decimals;

/**
 * Writes a {@link Property} whose input sets are boxes as VNN-LIB, in the shape VNN-COMP
 * files use, so that {@link VnnLibParser} (and other tools) read back the same property.
 *
 * <p>Numbers are written exactly (see {@link Decimals#exactText}), so reading the file gives
 * the same doubles. When every disjunct shares one box and has output rows, the box is
 * written as top-level bounds followed by one {@code (assert (or (and rows…) …))}; otherwise
 * each disjunct is {@code (and box-bounds rows…)} inside a single {@code or}.
 */
public final class VnnLibWriter {
    private VnnLibWriter() {
    }

    /**
     * The VNN-LIB text of {@code property}.
     *
     * @param comment written as {@code ;} lines at the top (may be empty)
     * @throws IllegalArgumentException if some input set is not a box, or a row has no non-zero coefficient
     */
    public static String toText(Property property, String comment) {
        StringBuilder out = new StringBuilder();
        comment.lines().forEach(line -> out.append("; ").append(line).append('\n'));
        out.append('\n');
        declare(out, "X_", property.inputSize());
        out.append('\n');
        declare(out, "Y_", property.outputSize());
        out.append('\n');
        Map<InputSet, List<LinearConstraints>> groups = property.byInputSet();
        boolean sharedBox = groups.size() == 1
                && property.disjuncts().stream().allMatch(d -> d.unsafe().rowCount() > 0);
        if (sharedBox) {
            bounds(out, asBox(groups.keySet().iterator().next()), "(assert ", ")\n");
            out.append('\n');
        }
        out.append("(assert (or\n");
        for (Disjunct d : property.disjuncts()) {
            out.append("    (and");
            if (!sharedBox) {
                bounds(out, asBox(d.input()), " ", "");
            }
            LinearConstraints rows = d.unsafe();
            for (int r = 0; r < rows.rowCount(); r++) {
                out.append(' ').append(row(rows.row(r), rows.rhs(r)));
            }
            out.append(")\n");
        }
        return out.append("))\n").toString();
    }

    /**
     * Writes {@link #toText} to {@code file} through a temporary file in the same folder, so
     * that a failure never leaves a half-written property behind.
     */
    public static void write(Property property, String comment, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, toText(property, comment));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void declare(StringBuilder out, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            out.append("(declare-const ").append(prefix).append(i).append(" Real)\n");
        }
    }

    /** Each bound of the box as {@code before (<= X_i u) after before (>= X_i l) after}. */
    private static void bounds(StringBuilder out, Box box, String before, String after) {
        for (int i = 0; i < box.dimension(); i++) {
            out.append(before).append("(<= X_").append(i).append(' ').append(Decimals.exactText(box.upper(i)))
                    .append(')').append(after);
            out.append(before).append("(>= X_").append(i).append(' ').append(Decimals.exactText(box.lower(i)))
                    .append(')').append(after);
        }
    }

    private static Box asBox(InputSet set) {
        if (set instanceof Box box) {
            return box;
        }
        throw new IllegalArgumentException("VNN-LIB input sets are boxes; cannot write " + set);
    }

    /**
     * a·y ≤ b in its most readable form: {@code (<= Y_j b)} or {@code (>= Y_j −b)} for a single
     * ±1 coefficient, {@code (<= Y_i Y_j)} for y_i − y_j ≤ 0, else a sum of products.
     */
    private static String row(double[] a, double b) {
        int plus = -1;
        int minus = -1;
        int nonZero = 0;
        for (int j = 0; j < a.length; j++) {
            if (a[j] != 0) {
                nonZero++;
                plus = a[j] == 1 ? j : plus;
                minus = a[j] == -1 ? j : minus;
            }
        }
        if (nonZero == 1 && plus >= 0) {
            return "(<= Y_" + plus + " " + Decimals.exactText(b) + ")";
        }
        if (nonZero == 1 && minus >= 0) {
            return "(>= Y_" + minus + " " + Decimals.exactText(-b) + ")";
        }
        if (nonZero == 2 && plus >= 0 && minus >= 0 && b == 0) {
            return "(<= Y_" + plus + " Y_" + minus + ")";
        }
        if (nonZero == 0) {
            throw new IllegalArgumentException("VNN-LIB cannot state a row without any output: 0 ≤ " + b);
        }
        List<String> products = new ArrayList<>();
        for (int j = 0; j < a.length; j++) {
            if (a[j] != 0) {
                products.add("(* " + Decimals.exactText(a[j]) + " Y_" + j + ")");
            }
        }
        String sum = nonZero == 1 ? products.get(0) : "(+ " + String.join(" ", products) + ")";
        return "(<= " + sum + " " + Decimals.exactText(b) + ")";
    }
}

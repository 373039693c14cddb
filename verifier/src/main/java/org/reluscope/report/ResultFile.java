package org.reluscope.report;

import java.util.ArrayList;
import java.util.List;

import org.reluscope.batch.InstanceResult;
import org.reluscope.numeric.Decimals;
import org.reluscope.verify.Verdict;
import org.reluscope.verify.Witness;

/**
 * The VNN-COMP result file of one instance: the answer word on the first line ({@code sat},
 * {@code unsat}, {@code unknown}, {@code timeout}, or {@code error}), and for {@code sat} the
 * counterexample as one list of (variable value) pairs, inputs then outputs:
 *
 * <pre>
 * sat
 * ((X_0 0.6)
 *  (X_1 -0.5)
 *  (Y_0 -0.0234))
 * </pre>
 *
 * Values are written exactly ({@link Decimals#exactText}), so the checker re-evaluates the very
 * input that reluscope checked.
 */
public final class ResultFile {
    private ResultFile() {
    }

    /** The result file of a verifier's verdict. */
    public static String of(Verdict verdict) {
        return verdict instanceof Witness sat ? text(verdict.answer(), sat.input(), sat.output())
                : verdict.answer() + "\n";
    }

    /** The result file of a batch instance. */
    public static String of(InstanceResult result) {
        return text(result.answer().word(), result.witnessInput(), result.witnessOutput());
    }

    /** {@code answer}, then the witness when one is given. Not modified: input, output. */
    private static String text(String answer, double[] input, double[] output) {
        List<String> pairs = new ArrayList<>();
        pairs(pairs, "X_", input);
        pairs(pairs, "Y_", output);
        return answer + "\n" + (pairs.isEmpty() ? "" : "(" + String.join("\n ", pairs) + ")\n");
    }

    private static void pairs(List<String> pairs, String prefix, double[] values) {
        for (int i = 0; i < values.length; i++) {
            pairs.add("(" + prefix + i + " " + Decimals.exactText(values[i]) + ")");
        }
    }
}

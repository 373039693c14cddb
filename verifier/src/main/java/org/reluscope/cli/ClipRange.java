package org.reluscope.cli;

import java.util.Arrays;

import org.reluscope.BadInputException;
import org.reluscope.input.Box;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The value of {@code --clip LO,HI}: the data domain [LO, HI]ⁿ (0,1 for pixels) that input
 * sets and balls around data points are intersected with.
 */
final class ClipRange {
    private ClipRange() {
    }

    /**
     * The box [LO, HI]ⁿ.
     *
     * @throws ParameterException when the text is not two numbers
     * @throws BadInputException  when they are not finite or LO &gt; HI
     */
    static Box box(String text, int n, CommandLine commandLine) {
        String[] parts = text.split(",", -1);
        double lo;
        double hi;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            lo = Double.parseDouble(parts[0].strip());
            hi = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(commandLine, "--clip takes two numbers LO,HI, got '" + text + "'");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new BadInputException("--clip", "expected finite LO ≤ HI, got " + text);
        }
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, lo);
        Arrays.fill(upper, hi);
        return new Box(lower, upper);
    }
}

package org.reluscope.verify;

/**
 * An input that violates a property, with its double-precision output: both what a search finds
 * for one disjunct and the {@code sat} verdict for the whole property. Constructed only by
 * {@link WitnessCheck} (or from a result file's values), so it has been re-evaluated through the
 * network and checked against the input set and the unsafe rows.
 */
public record Witness(double[] input, double[] output) implements DisjunctOutcome, Verdict {
    public Witness {
        input = input.clone();
        output = output.clone();
    }

    @Override
    public double[] input() {
        return input.clone();
    }

    @Override
    public double[] output() {
        return output.clone();
    }

    @Override
    public String answer() {
        return "sat";
    }
}

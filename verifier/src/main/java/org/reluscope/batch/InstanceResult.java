package org.reluscope.batch;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one instance of a batch, as the CSV, JSON, JUnit and VNN-COMP writers
 * report it.
 *
 * @param index        position of the instance in its list, from 0
 * @param instance     what was run
 * @param timeLimit    the limit it ran under, in seconds (the listed limit times the batch's scale)
 * @param answer       the answer; {@link Answer#ERROR} when the instance could not be run or its witness
 *                     failed the re-check
 * @param expected     the settled answer it is checked against, or null when there is none
 * @param seconds      wall time of the verification itself
 * @param loadSeconds  wall time of reading the property and (if not cached) the network
 * @param detail       the stages that decided {@code sat} or {@code unsat}, why the answer is {@code unknown}, or
 *                     what went wrong; may be empty
 * @param witnessInput for {@code sat}: the input that violates the property; otherwise empty
 * @param witnessOutput for {@code sat}: the network's output at that input (double precision); otherwise empty
 */
public record InstanceResult(int index, Instance instance, double timeLimit, Answer answer, Answer expected,
                             double seconds, double loadSeconds, String detail, double[] witnessInput,
                             double[] witnessOutput) implements Serializable {
    private static final long serialVersionUID = 1L;

    public InstanceResult {
        Objects.requireNonNull(instance);
        Objects.requireNonNull(answer);
        Objects.requireNonNull(detail);
        witnessInput = witnessInput.clone();
        witnessOutput = witnessOutput.clone();
    }

    /** An instance that could not be run. */
    public static InstanceResult error(int index, Instance instance, double timeLimit, Answer expected,
                                       double loadSeconds, String message) {
        return new InstanceResult(index, instance, timeLimit, Answer.ERROR, expected, 0, loadSeconds, message,
                new double[0], new double[0]);
    }

    @Override
    public double[] witnessInput() {
        return witnessInput.clone();
    }

    @Override
    public double[] witnessOutput() {
        return witnessOutput.clone();
    }

    public Optional<Answer> expectation() {
        return Optional.ofNullable(expected);
    }

    /**
     * The same result checked against {@code answers}: with the expected answer they give for
     * this instance, or none (for a runner that solves remotely and checks on the driver).
     */
    public InstanceResult checkedAgainst(ExpectedAnswers answers) {
        return new InstanceResult(index, instance, timeLimit, answer, answers.of(instance).orElse(null), seconds,
                loadSeconds, detail, witnessInput, witnessOutput);
    }

    /** The answer contradicts the expected one (sat for unsat or the reverse). */
    public boolean wrong() {
        return expected != null && answer.contradicts(expected);
    }

    /**
     * A sat or unsat answer that came after the time limit (VNN-COMP would count it as a
     * timeout). A timeout that overshoots its limit by the time a search takes to notice is not late.
     */
    public boolean late() {
        return answer.isDecisive() && seconds > timeLimit;
    }

    /** Whether this instance makes the batch fail: a wrong answer or an error. */
    public boolean failed() {
        return wrong() || answer == Answer.ERROR;
    }
}

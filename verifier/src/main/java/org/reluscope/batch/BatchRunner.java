package org.reluscope.batch;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.reluscope.BadInputException;
import org.reluscope.net.Network;
import org.reluscope.spec.Property;
import org.reluscope.verify.Verdict;
import org.reluscope.verify.VerificationResult;
import org.reluscope.verify.Witness;

/**
 * Runs the instances of a batch one after the other through a {@link Decider} (the verifier),
 * each under its own time limit (the listed limit times {@code timeoutScale}), and records one
 * {@link InstanceResult} per instance. {@link #solve} — one instance to one result — is the
 * reusable step: a distributed runner calls it once per task with its own cache.
 *
 * <p>Nothing an instance does stops the batch: a file that does not load, mismatched sizes
 * or an exception inside the verifier become an {@link Answer#ERROR} record with the message.
 * A {@code sat} witness is re-evaluated here, independently of the verifier's own check, and
 * an answer whose witness does not violate the property is recorded as an error, never as
 * {@code sat}.
 */
public final class BatchRunner {
    private final Decider decider;
    private final double timeoutScale;
    private final ExpectedAnswers expected;
    private final NetworkCache networks;

    /**
     * @param decider      what decides each instance, usually {@link Decider#verifier}
     * @param timeoutScale factor applied to every listed time limit, finite and positive
     * @param expected     the answers to check against ({@link ExpectedAnswers#NONE} for none)
     * @param networks     where networks are read once
     */
    public BatchRunner(Decider decider, double timeoutScale, ExpectedAnswers expected, NetworkCache networks) {
        if (!(timeoutScale > 0) || Double.isInfinite(timeoutScale)) {
            throw new IllegalArgumentException("timeout scale must be finite and positive, got " + timeoutScale);
        }
        this.decider = decider;
        this.timeoutScale = timeoutScale;
        this.expected = expected;
        this.networks = networks;
    }

    /** Runs every instance in order, handing each result to {@code progress} as soon as it is known. */
    public List<InstanceResult> run(List<Instance> instances, Consumer<InstanceResult> progress) {
        List<InstanceResult> results = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            InstanceResult r = solve(i, instances.get(i));
            results.add(r);
            progress.accept(r);
        }
        return results;
    }

    /** Loads, verifies and checks one instance; never throws for a problem of the instance itself. */
    public InstanceResult solve(int index, Instance instance) {
        double limit = instance.timeoutSeconds() * timeoutScale;
        Answer settled = expected.of(instance).orElse(null);
        long start = System.nanoTime();
        Network network;
        Property property;
        try {
            network = networks.get(instance.networkFile());
            property = InstanceFiles.property(instance.propertyFile());
            checkSizes(instance, network, property);
        } catch (BadInputException e) {
            return InstanceResult.error(index, instance, limit, settled, since(start), e.describe());
        } catch (UncheckedIOException e) {
            return InstanceResult.error(index, instance, limit, settled, since(start), "cannot read: " + e.getCause());
        }
        double load = since(start);
        VerificationResult result;
        try {
            result = decider.decide(network, property, budget(limit));
        } catch (RuntimeException | StackOverflowError e) {
            return InstanceResult.error(index, instance, limit, settled, load, "internal error: " + e);
        }
        Verdict v = result.verdict();
        if (v instanceof Witness sat) {
            double[] x = sat.input();
            double[] y = network.evaluate(x);
            if (!property.isViolatedBy(x, y, 0)) {
                return InstanceResult.error(index, instance, limit, settled, load,
                        "the sat witness does not violate the property when re-evaluated");
            }
            return new InstanceResult(index, instance, limit, Answer.SAT, settled, result.seconds(), load,
                    result.method(), x, y);
        }
        String detail = v instanceof Verdict.Unknown u ? u.reason() : result.method();
        return new InstanceResult(index, instance, limit, Answer.of(v), settled, result.seconds(), load, detail,
                new double[0], new double[0]);
    }

    private static void checkSizes(Instance instance, Network network, Property property) {
        if (network.inputSize() != property.inputSize() || network.outputSize() != property.outputSize()) {
            throw new BadInputException(instance.property(), "declares " + property.inputSize() + " inputs and "
                    + property.outputSize() + " outputs but the network " + instance.networkName() + " has "
                    + network.inputSize() + " and " + network.outputSize());
        }
    }

    private static Duration budget(double seconds) {
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0));
    }

    private static double since(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}

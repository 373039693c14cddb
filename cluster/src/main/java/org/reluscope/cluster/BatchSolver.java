package org.reluscope.cluster;

import org.reluscope.batch.BatchRunner;
import org.reluscope.batch.Decider;
import org.reluscope.batch.ExpectedAnswers;
import org.reluscope.batch.Instance;
import org.reluscope.batch.InstanceResult;
import org.reluscope.verify.VerifierOptions;

/**
 * Solves an instance exactly as {@code reluscope batch} does — the same {@link BatchRunner}
 * step, hence the same records — with this executor's {@link LoadedNetworks}. Expected answers
 * are filled in on the driver, so they need not travel with every task.
 *
 * @param seed         the falsifier's seed, the same for every instance so that runs repeat
 * @param timeoutScale factor on every listed time limit, as {@code batch --timeout-scale}
 */
public record BatchSolver(long seed, double timeoutScale) implements InstanceSolver {
    private static final long serialVersionUID = 1L;

    @Override
    public InstanceResult solve(int index, Instance instance, int threads) {
        return runner(threads).solve(index, instance);
    }

    @Override
    public InstanceResult failure(int index, Instance instance, String message) {
        return InstanceResult.error(index, instance, instance.timeoutSeconds() * timeoutScale, null, 0, message);
    }

    private BatchRunner runner(int threads) {
        VerifierOptions options = new VerifierOptions(VerifierOptions.DEFAULT.timeout(), threads, seed);
        return new BatchRunner(Decider.verifier(options), timeoutScale, ExpectedAnswers.NONE, LoadedNetworks.CACHE);
    }
}

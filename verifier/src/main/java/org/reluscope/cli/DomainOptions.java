package org.reluscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The domain of {@code equiv} and {@code simplify}: the input box(es) of a VNN-LIB file
 * ({@code --domain SPEC}), or a box or ball given by {@link InputSetOptions}.
 */
final class DomainOptions {
    @Option(names = "--domain", paramLabel = "SPEC",
            description = "VNN-LIB file whose input box(es) form the domain (its output constraints are ignored). "
                    + "Alternatively give --center with --linf or --l2.")
    private Path spec;

    @Mixin
    private InputSetOptions inputs;

    /** Whether a domain was given at all. */
    boolean given() {
        return spec != null || inputs.anyGiven();
    }

    /** The domain's input sets (several for a VNN-LIB file with several boxes); empty when none was given. */
    Optional<List<InputSet>> sets(Network net) {
        return given() ? Optional.of(inputs.resolve(net, spec).inputSets()) : Optional.empty();
    }

    /** The domain as one set: the set itself, or the smallest box containing all the boxes. */
    InputSet hull(Network net) {
        List<InputSet> sets = sets(net).orElseThrow();
        if (sets.size() == 1) {
            return sets.get(0);
        }
        double[] lo = sets.get(0).boundingBox().lower();
        double[] hi = sets.get(0).boundingBox().upper();
        for (InputSet set : sets) {
            Box b = set.boundingBox();
            for (int i = 0; i < lo.length; i++) {
                lo[i] = Math.min(lo[i], b.lower(i));
                hi[i] = Math.max(hi[i], b.upper(i));
            }
        }
        return new Box(lo, hi);
    }
}

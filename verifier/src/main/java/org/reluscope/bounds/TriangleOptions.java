package org.reluscope.bounds;

/**
 * Settings of {@link TriangleRelaxation}.
 *
 * @param maxLpNeuronsPerLayer intermediate layers are tightened by LP (two LPs per neuron)
 *                             only when at most this many of their neurons are still unstable
 *                             after back-substitution; larger layers keep the CROWN bounds,
 *                             where the LPs would cost more than they gain. The output layer
 *                             is always solved by LP.
 * @param maxCutRounds         for an L2 ball, how many rounds of tangent cuts (re-solves) one
 *                             objective may add before its best bound so far is taken
 * @param cutTolerance         cutting stops when a round improves the LP value by less than
 *                             this, relative to 1 + |value|
 */
public record TriangleOptions(int maxLpNeuronsPerLayer, int maxCutRounds, double cutTolerance) {

    /** LP for layers with up to 100 unstable neurons, up to 30 cut rounds, 1e-7 tolerance. */
    public static final TriangleOptions DEFAULT = new TriangleOptions(100, 30, 1e-7);

    public TriangleOptions {
        if (maxLpNeuronsPerLayer < 0 || maxCutRounds < 0 || !(cutTolerance >= 0)) {
            throw new IllegalArgumentException("LP options must be non-negative, got " + maxLpNeuronsPerLayer + ", "
                    + maxCutRounds + ", " + cutTolerance);
        }
    }
}

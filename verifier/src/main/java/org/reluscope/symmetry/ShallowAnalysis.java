package org.reluscope.symmetry;

import java.util.Objects;

import org.reluscope.net.Network;

/**
 * Everything {@code reluscope canonical} reports about a shallow network: its canonical form,
 * the minimal width of a network computing the same function, whether its parameters are
 * generic, and the orbit of its parameters under the symmetry group.
 */
public record ShallowAnalysis(int width, CanonicalForm form, MinimalWidth minimalWidth, Genericity genericity,
                              SymmetryOrbit orbit) {

    public ShallowAnalysis {
        Objects.requireNonNull(form);
        Objects.requireNonNull(minimalWidth);
        Objects.requireNonNull(genericity);
        Objects.requireNonNull(orbit);
    }

    /**
     * @throws IllegalArgumentException if the network is not shallow
     */
    public static ShallowAnalysis of(Network network, SymmetryOptions options) {
        ShallowNetwork net = ShallowNetwork.of(network);
        CanonicalForm form = CanonicalForm.of(net, options.tolerance());
        Genericity genericity = Genericity.of(net, options);
        return new ShallowAnalysis(net.width(), form, MinimalWidth.of(net, form, options), genericity,
                SymmetryOrbit.of(net.width(), genericity.isGeneric()));
    }

    /** A network of minimal width computing the same function. */
    public Network minimalNetwork(double tolerance) {
        return MinimalNetwork.build(form, minimalWidth, tolerance);
    }
}

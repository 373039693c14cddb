package org.reluscope.net;

/** The element-wise function that follows an affine layer. */
public enum Activation {
    /** σ(z) = max(z, 0). */
    RELU,
    /** σ(z) = z: the layer is purely affine (the output layer, usually). */
    IDENTITY;

    /** σ(z). */
    public double apply(double z) {
        return this == RELU ? Math.max(z, 0.0) : z;
    }
}

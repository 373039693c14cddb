package org.reluscope.region;

/**
 * One row a·x ≤ b of a piece, scaled so that a has unit length over the set's free
 * coordinates: then b − a·x is the Euclidean distance of x to the hyperplane within the set's
 * affine hull, which is what the slack LP maximises.
 *
 * @param a coefficients over all inputs; owned by the record, do not modify
 * @param b right-hand side
 */
record HalfSpace(double[] a, double b) {

    /** b − a·x, reduced by a bound on its rounding error so that a positive value is trustworthy. Not modified: x. */
    double slack(double[] x) {
        double s = b;
        double m = Math.abs(b);
        for (int j = 0; j < a.length; j++) {
            double t = a[j] * x[j];
            s -= t;
            m += Math.abs(t);
        }
        return s - 1e-12 * m;
    }
}

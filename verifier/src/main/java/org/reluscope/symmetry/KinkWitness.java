package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.reluscope.numeric.Vectors;

/**
 * Candidate inputs where a shallow difference d = f₁ − f₂ with canonical form
 * Σ α_k σ(u_k·x + β_k) + G x + g is visibly non-zero.
 *
 * <p>Across hyperplane k the gradient of d jumps by α_k uᵀ: at a point x₀ of the hyperplane at
 * distance greater than t from every other hyperplane, d(x₀ + t u_k) + d(x₀ − t u_k) − 2 d(x₀)
 * = α_k t, so one of the three points has |d_i| ≥ |α_k,i| t / 4. We take x₀ = −β_k u_k + s w
 * with w a random unit vector orthogonal to u_k and s growing (far out on the hyperplane the
 * others, unless parallel, recede), and t half the distance to the nearest other hyperplane.
 * Without hyperplanes d is affine: the origin and points along the largest row of G show it.
 */
final class KinkWitness {
    private static final int MAX_UNITS = 32;
    private static final double[] SPREADS = {0, 1, 10, 100, 1000};

    private KinkWitness() {
    }

    /** The candidates for the difference whose canonical form is given. */
    static List<double[]> candidates(CanonicalForm difference, long seed) {
        Random random = new Random(seed);
        int n = difference.inputSize();
        List<double[]> points = new ArrayList<>();
        points.add(new double[n]);
        double reach = 1;
        for (CanonicalUnit unit : difference.units()) {
            reach = Math.max(reach, 1 + Math.abs(unit.beta()));
        }
        List<CanonicalUnit> units = new ArrayList<>(difference.units());
        units.sort(Comparator.comparingDouble(unit -> -Vectors.normInf(unit.alpha())));
        for (CanonicalUnit unit : units.subList(0, Math.min(MAX_UNITS, units.size()))) {
            double[] w = orthogonalDirection(unit.u(), random);
            for (double spread : SPREADS) {
                double[] x0 = Vectors.scaled(-unit.beta(), unit.u());
                Vectors.axpy(spread * reach, w, x0);
                double t = 0.5 * distanceToOthers(difference.units(), unit, x0, (1 + spread) * reach);
                points.add(x0);
                points.add(step(x0, t, unit.u()));
                points.add(step(x0, -t, unit.u()));
            }
        }
        for (double[] row : difference.linear()) {
            double norm = Vectors.norm2(row);
            if (norm > 0) {
                for (double s : new double[] {reach, -reach, 100 * reach, -100 * reach}) {
                    points.add(Vectors.scaled(s / norm, row));
                }
            }
        }
        return points;
    }

    /** min over the other hyperplanes of |u·x₀ + β| (their distance, u being a unit vector), capped. */
    private static double distanceToOthers(List<CanonicalUnit> units, CanonicalUnit self, double[] x0, double cap) {
        double d = cap;
        for (CanonicalUnit other : units) {
            if (other != self) {
                d = Math.min(d, Math.abs(other.preActivation(x0)));
            }
        }
        return d;
    }

    private static double[] step(double[] x, double t, double[] direction) {
        double[] y = x.clone();
        Vectors.axpy(t, direction, y);
        return y;
    }

    /** A random unit vector orthogonal to the unit vector u (0 in one dimension). */
    private static double[] orthogonalDirection(double[] u, Random random) {
        double[] w = new double[u.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = random.nextGaussian();
        }
        Vectors.axpy(-Vectors.dot(w, u), u, w);
        double norm = Vectors.norm2(w);
        return norm < 1e-9 ? new double[u.length] : Vectors.scaled(1 / norm, w);
    }
}

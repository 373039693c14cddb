package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * A shallow network as a mutable list of units (w, c, a) and an output bias, with the moves
 * that keep its function: the test-side model of the symmetries, written independently of the
 * production code.
 */
final class ShallowUnits {
    record Unit(double[] w, double c, double[] a) {
    }

    final List<Unit> units = new ArrayList<>();
    final double[] bias;

    ShallowUnits(double[] bias) {
        this.bias = bias.clone();
    }

    static ShallowUnits of(Network net) {
        ShallowNetwork s = ShallowNetwork.of(net);
        ShallowUnits u = new ShallowUnits(s.outputBias());
        for (int h = 0; h < s.width(); h++) {
            u.add(s.inputWeights(h), s.hiddenBias(h), s.outputWeights(h));
        }
        return u;
    }

    ShallowUnits add(double[] w, double c, double... a) {
        units.add(new Unit(w.clone(), c, a.clone()));
        return this;
    }

    ShallowUnits copy() {
        ShallowUnits u = new ShallowUnits(bias);
        units.forEach(unit -> u.add(unit.w(), unit.c(), unit.a()));
        return u;
    }

    Network network() {
        int m = bias.length;
        double[][] w = new double[units.size()][];
        double[] c = new double[units.size()];
        double[][] a = new double[m][units.size()];
        for (int h = 0; h < units.size(); h++) {
            w[h] = units.get(h).w();
            c[h] = units.get(h).c();
            for (int i = 0; i < m; i++) {
                a[i][h] = units.get(h).a()[i];
            }
        }
        return new Network(List.of(AffineLayer.of(w, c, Activation.RELU), AffineLayer.of(a, bias, Activation.IDENTITY)));
    }

    void permute(Random random) {
        Collections.shuffle(units, random);
    }

    /** Unit h times λ_h ∈ [0.1, 10] inside, 1/λ_h outside. */
    void rescale(Random random) {
        for (int h = 0; h < units.size(); h++) {
            double lambda = Math.exp((random.nextDouble() * 2 - 1) * Math.log(10));
            Unit u = units.get(h);
            units.set(h, new Unit(times(lambda, u.w()), lambda * u.c(), times(1 / lambda, u.a())));
        }
    }

    void addDead(Random random) {
        int n = units.get(0).w().length;
        units.add(random.nextInt(units.size() + 1), new Unit(gaussian(n, random), random.nextGaussian(),
                new double[bias.length]));
    }

    /** A constant unit a σ(c), paid for by the output bias. */
    void addConstant(Random random) {
        int n = units.get(0).w().length;
        double c = random.nextGaussian();
        double[] a = gaussian(bias.length, random);
        for (int i = 0; i < bias.length; i++) {
            bias[i] -= a[i] * Math.max(c, 0);
        }
        units.add(new Unit(new double[n], c, a));
    }

    /** Unit h as two parallel units: fraction f of its output on the unit itself, the rest on a copy scaled by λ. */
    void split(int h, double f, double lambda) {
        Unit u = units.get(h);
        units.set(h, new Unit(u.w(), u.c(), times(f, u.a())));
        units.add(new Unit(times(lambda, u.w()), lambda * u.c(), times((1 - f) / lambda, u.a())));
    }

    /**
     * Unit h flipped, a σ(−z) = a σ(z) − a z, and the missing a z = a(w·x + c) supplied by two
     * antiparallel pairs a σ(z_i) − a σ(−z_i) with z₁ + z₂ = z along random directions.
     */
    void flipWithAntiparallelPairs(int h, Random random) {
        Unit u = units.get(h);
        units.set(h, new Unit(times(-1, u.w()), -u.c(), u.a()));
        double[] w1 = gaussian(u.w().length, random);
        double c1 = random.nextGaussian();
        double[] w2 = u.w().clone();
        for (int j = 0; j < w2.length; j++) {
            w2[j] -= w1[j];
        }
        double c2 = u.c() - c1;
        units.add(new Unit(w1, c1, u.a()));
        units.add(new Unit(times(-1, w1), -c1, times(-1, u.a())));
        units.add(new Unit(w2, c2, u.a()));
        units.add(new Unit(times(-1, w2), -c2, times(-1, u.a())));
    }

    static double[] times(double s, double[] v) {
        double[] r = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            r[j] = s * v[j];
        }
        return r;
    }

    static double[] gaussian(int n, Random random) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }
}

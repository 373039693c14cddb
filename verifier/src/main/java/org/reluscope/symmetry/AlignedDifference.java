package org.reluscope.symmetry;

import java.util.Arrays;

import org.reluscope.bounds.Bounds;
import org.reluscope.bounds.LayerBounds;
import org.reluscope.bounds.OutputBounder;
import org.reluscope.bounds.SymbolicPropagation;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;

/**
 * A sound bound on max ‖f₁ − f₂‖_∞ over a domain D for two networks that compute nearly the
 * same intermediate quantities — a network and its simplification on D, or two copies with
 * slightly different weights — by "differential" propagation along a {@link UnitAlignment}
 * instead of bounding f₁ − f₂ as one network (where the relaxations of the two halves do not
 * cancel and the bound stays far from 0).
 *
 * <p>Both networks are in standard shape, with sound bounds over D (crown, or lp) on every
 * pre-activation. Let f₁'s hidden layer L be matched with f₂'s layer k and the next matched
 * pair be (L', k + 1) (the outputs form the last pair, the inputs x the first, with μ = 1).
 * The f₁ layers strictly between L and L' must have every unit of fixed phase on D by f₁'s
 * bounds, so z₁^{L'} = M h₁^L + e exactly for the composed map, held as an
 * {@link IntervalAffineMap}. Suppose |h₁,t − μ_t h₂,ρ(t)| ≤ ε_t for the units t of layer L with
 * a partner, and 0 ≤ h₁,t ≤ σ(ū₁,t) for the others. Then for unit u of layer L' with partner w,
 * <pre>
 *   z₁,u − μ_u z₂,w = Σ_v (Σ_{t: ρ(t)=v} M_ut μ_t − μ_u W₂,wv) h₂,v + Σ_{t paired} M_ut δ_t
 *                     + Σ_{t unpaired} M_ut h₁,t + (e_u − μ_u b₂,w),            |δ_t| ≤ ε_t,
 * </pre>
 * so with |h₂,v| ≤ H₂,v (σ of f₂'s upper bound; the box's largest |x_v| at the input)
 * <pre>
 *   ε_u = Σ_v |coef_v| H₂,v + Σ_{t paired} |M_ut| ε_t + Σ_{t unpaired} |M_ut| σ(ū₁,t) + |e_u − μ_u b₂,w|
 * </pre>
 * bounds |z₁,u − μ_u z₂,w| on D, hence |σ(z₁,u) − μ_u σ(z₂,w)| too (σ is 1-Lipschitz and
 * σ(μz) = μσ(z) for μ &gt; 0). At the outputs ε_j bounds |f₁,j − f₂,j|. Every sum is taken with
 * its rounding error added ({@link Rounding}), and M's own rounding is in its radii, so the
 * result bounds the exact real networks. Where the alignment is right, the coefficients are
 * exactly 0 for copied weights and at the rounding level for composed ones, and ε stays tiny.
 */
final class AlignedDifference {
    private AlignedDifference() {
    }

    /**
     * A proven upper bound on max_{x ∈ D} ‖f₁(x) − f₂(x)‖_∞ along the alignment that
     * {@code matcher} finds of the network with more ReLU units (f₁ on a tie) onto the other, +∞
     * if it finds none. The larger network is the one whose units were removed, merged or
     * composed away, so only it needs tight bounds: {@code phases} proves its skipped layers'
     * phases and its unpaired units inactive; crown bounds the other's unit outputs, which the
     * (near-zero) coefficients multiply.
     */
    static double bound(Network f1, Network f2, InputSet domain, UnitMatcher matcher, OutputBounder phases) {
        Network s1 = new Network(NetworkDifference.standardLayers(f1));
        Network s2 = new Network(NetworkDifference.standardLayers(f2));
        Network larger = s1.reluCount() >= s2.reluCount() ? s1 : s2;
        Network smaller = larger == s1 ? s2 : s1;
        Bounds tight = phases.compute(larger, domain);
        Bounds crown = new SymbolicPropagation().compute(smaller, domain);
        return matcher.find(larger, tight, smaller, crown, domain)
                .map(a -> along(larger, tight, smaller, crown, domain.boundingBox(), a))
                .orElse(Double.POSITIVE_INFINITY);
    }

    /**
     * The bound along one alignment of f₁ onto f₂ (standard shape, with their bounds over the
     * domain, whose bounding box is {@code box}); +∞ if a skipped f₁ layer has a unit of unknown phase.
     */
    static double along(Network f1, Bounds bounds1, Network f2, Bounds bounds2, Box box, UnitAlignment a) {
        int n = box.dimension();
        double[] lower = box.lower();
        double[] upper = box.upper();
        double[] inputRange = new double[n];
        for (int i = 0; i < n; i++) {
            inputRange[i] = Math.max(Math.abs(lower[i]), Math.abs(upper[i]));
        }
        Level previous = new Level(-1, identity(n), ones(n), new double[n], inputRange, inputRange);
        int hidden2 = f2.layerCount() - 1;
        for (int k = 0; k <= hidden2; k++) {
            boolean output = k == hidden2;
            int layer = output ? f1.layerCount() - 1 : a.layers()[k];
            IntervalAffineMap map = IntervalAffineMap.of(f1.layer(previous.layer + 1));
            for (int m = previous.layer + 1; m < layer; m++) {
                boolean[] pass = fixedPhases(bounds1.layer(m));
                if (pass == null) {
                    return Double.POSITIVE_INFINITY;
                }
                map = map.then(f1.layer(m + 1), pass);
            }
            int width = map.rows();
            int[] partner = output ? identity(width) : a.partners()[k];
            double[] scale = output ? ones(width) : a.scales()[k];
            double[] eps = new double[width];
            for (int u = 0; u < width; u++) {
                if (partner[u] >= 0) {
                    eps[u] = unitBound(map, u, f2.layer(k), partner[u], scale[u], previous);
                }
            }
            if (output) {
                return Arrays.stream(eps).max().orElse(0);
            }
            previous = new Level(layer, partner, scale, eps, activeRange(bounds1.layer(layer)),
                    activeRange(bounds2.layer(k)));
        }
        throw new AssertionError("the output level returns");
    }

    /**
     * One matched level: f₁'s layer (−1 for the input), its units' partners in f₂ and scales μ,
     * the proven ε of the paired units, and upper bounds on |h₁| and |h₂| per unit.
     */
    private record Level(int layer, int[] partner, double[] scale, double[] eps, double[] range1, double[] range2) {
    }

    /**
     * ε_u of the class comment, for f₁'s unit u of the map's output paired with f₂'s unit w of
     * {@code layer2}. The coefficients and the bias difference are {@link TrackedSum}s, so that
     * weights f₂ copied from f₁ give exactly 0; the rest are sums of non-negative terms, widened
     * once for their rounding.
     */
    private static double unitBound(IntervalAffineMap map, int u, AffineLayer layer2, int w, double mu,
                                    Level previous) {
        int n2 = layer2.inputSize();
        TrackedSum[] coef = new TrackedSum[n2];
        double[] radius = new double[n2];
        for (int v = 0; v < n2; v++) {
            coef[v] = new TrackedSum();
            coef[v].addProduct(-mu, layer2.weight(w, v));
        }
        double total = 0;
        for (int t = 0; t < map.cols(); t++) {
            double c = map.center(u, t);
            double r = map.radius(u, t);
            int v = previous.partner[t];
            if (v >= 0) {
                coef[v].addProduct(c, previous.scale[t]);
                radius[v] += r * previous.scale[t];
                total += (Math.abs(c) + r) * previous.eps[t];
            } else {
                total += (Math.abs(c) + r) * previous.range1[t];
            }
        }
        for (int v = 0; v < n2; v++) {
            total += (coef[v].absUp() + radius[v]) * previous.range2[v];
        }
        TrackedSum bias = new TrackedSum();
        bias.add(map.offset(u));
        bias.addProduct(-mu, layer2.bias()[w]);
        total += bias.absUp() + map.offsetRadius(u);
        return Rounding.up(total, total, 4 * (map.cols() + n2) + 4);
    }

    /** Per unit: true if active on the domain, false if inactive; null if some unit's phase is not fixed. */
    private static boolean[] fixedPhases(LayerBounds bounds) {
        boolean[] pass = new boolean[bounds.size()];
        for (int i = 0; i < pass.length; i++) {
            if (bounds.lower(i) >= 0) {
                pass[i] = true;
            } else if (bounds.upper(i) > 0) {
                return null;
            }
        }
        return pass;
    }

    /** σ(upper): an upper bound on the unit's output, which is ≥ 0. */
    private static double[] activeRange(LayerBounds bounds) {
        double[] r = new double[bounds.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(0, bounds.upper(i));
        }
        return r;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }
}

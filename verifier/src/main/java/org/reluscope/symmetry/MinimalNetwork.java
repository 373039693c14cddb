package org.reluscope.symmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.numeric.Vectors;

/**
 * Builds the shallow network of width {@link MinimalWidth#width()} that computes a canonical
 * form's function, following the realisation the rule chose: kept units as they are,
 * flipped units as α σ(−z) (their −α z is owed back to the affine part), the split unit as
 * (α + c) σ(z) − c σ(−z) with c = R u_k (which supplies c z), and what is left of the linear
 * part, R = Σ_i b_i q_iᵀ over an orthonormal basis q_i of its row space, as pairs
 * b_i σ(q_i·x) − b_i σ(−q_i·x). The constant left over is the output bias. Width 0 gives a
 * network of one affine layer.
 */
public final class MinimalNetwork {
    private MinimalNetwork() {
    }

    /** The network for {@code form} realised as {@code plan} says; τ decides which rows of the leftover linear part are zero. */
    public static Network build(CanonicalForm form, MinimalWidth plan, double tolerance) {
        int m = form.outputSize();
        double[][] remaining = form.linear();
        double[] bias = form.offset();
        List<double[]> rows = new ArrayList<>();
        List<Double> biases = new ArrayList<>();
        List<double[]> outputs = new ArrayList<>();
        boolean[] flipped = plan.flipped();
        for (int k = 0; k < form.hyperplaneCount(); k++) {
            CanonicalUnit unit = form.unit(k);
            if (k == plan.split()) {
                continue;
            }
            double sign = flipped[k] ? -1 : 1;
            addUnit(rows, biases, outputs, Vectors.scaled(sign, unit.u()), sign * unit.beta(), unit.alpha());
            if (flipped[k]) {
                oweAffine(remaining, bias, unit.alpha(), unit.u(), unit.beta());
            }
        }
        if (plan.split() >= 0) {
            CanonicalUnit unit = form.unit(plan.split());
            double[] c = Vectors.apply(remaining, unit.u());
            double[] plus = unit.alpha();
            Vectors.axpy(1, c, plus);
            addUnit(rows, biases, outputs, unit.u(), unit.beta(), plus);
            addUnit(rows, biases, outputs, Vectors.scaled(-1, unit.u()), -unit.beta(), Vectors.scaled(-1, c));
            oweAffine(remaining, bias, Vectors.scaled(-1, c), unit.u(), unit.beta());
        }
        int[] order = IntStream.range(0, m).filter(i -> Vectors.normInf(remaining[i]) > tolerance).toArray();
        for (double[] q : OrthonormalBasis.of(remaining, order, 1e-12).q()) {
            double[] b = Vectors.apply(remaining, q);
            addUnit(rows, biases, outputs, q, 0, b);
            addUnit(rows, biases, outputs, Vectors.scaled(-1, q), 0, Vectors.scaled(-1, b));
        }
        if (rows.isEmpty()) {
            return new Network(List.of(AffineLayer.of(remaining, bias, Activation.IDENTITY)));
        }
        double[][] out = new double[m][rows.size()];
        for (int h = 0; h < rows.size(); h++) {
            for (int i = 0; i < m; i++) {
                out[i][h] = outputs.get(h)[i];
            }
        }
        double[] hiddenBias = biases.stream().mapToDouble(Double::doubleValue).toArray();
        return new Network(List.of(AffineLayer.of(rows.toArray(new double[0][]), hiddenBias, Activation.RELU),
                AffineLayer.of(out, bias, Activation.IDENTITY)));
    }

    private static void addUnit(List<double[]> rows, List<Double> biases, List<double[]> outputs, double[] w,
                                double c, double[] a) {
        rows.add(w);
        biases.add(c);
        outputs.add(a);
    }

    /**
     * The network produces a σ(z) − a (u·x + β) where a σ(z) was wanted: the affine part still
     * to produce grows by a uᵀ x + a β. Not modified: a, u. Modified: linear, offset.
     */
    private static void oweAffine(double[][] linear, double[] offset, double[] a, double[] u, double beta) {
        for (int i = 0; i < a.length; i++) {
            Vectors.axpy(a[i], u, linear[i]);
            offset[i] += a[i] * beta;
        }
    }
}

package org.reluscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

/**
 * Trains a fully-connected ReLU classifier by mini-batch Adam on the softmax cross-entropy
 * loss (backpropagation written out: dz_L = softmax(z_L) − onehot(y), dW_l = dz_l a_{l−1}ᵀ,
 * da_{l−1} = W_lᵀ dz_l, dz_{l−1} = da_{l−1} ⊙ 1[z_{l−1} &gt; 0]). Starts from
 * {@link RandomNetworks#relu} (He initialisation) so that epoch 0 is an untrained network.
 */
final class ReluTrainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;

    private final int[] widths;
    private final double[][] w;
    private final double[][] b;
    private final double[][] mw;
    private final double[][] vw;
    private final double[][] mb;
    private final double[][] vb;
    private final double learningRate;
    private int steps;

    ReluTrainer(long seed, double learningRate, int... widths) {
        this.widths = widths.clone();
        this.learningRate = learningRate;
        Network init = RandomNetworks.relu(seed, 0.1, widths);
        int layers = widths.length - 1;
        w = new double[layers][];
        b = new double[layers][];
        mw = new double[layers][];
        vw = new double[layers][];
        mb = new double[layers][];
        vb = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = init.layer(l).weights().clone();
            b[l] = init.layer(l).bias().clone();
            mw[l] = new double[w[l].length];
            vw[l] = new double[w[l].length];
            mb[l] = new double[b[l].length];
            vb[l] = new double[b[l].length];
        }
    }

    /** The current weights as a network (ReLU hidden layers, affine output). */
    Network network() {
        List<AffineLayer> layers = new ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            layers.add(new AffineLayer(widths[l + 1], widths[l], w[l], b[l],
                    l == w.length - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new Network(layers);
    }

    /** One pass over the data in random mini-batches of {@code batch}. */
    void epoch(SyntheticData data, int batch, Random random) {
        int n = data.points().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            double[][] gw = new double[w.length][];
            double[][] gb = new double[w.length][];
            for (int l = 0; l < w.length; l++) {
                gw[l] = new double[w[l].length];
                gb[l] = new double[b[l].length];
            }
            for (int k = start; k < end; k++) {
                accumulate(data.points().get(order[k]), data.labels()[order[k]], gw, gb, 1.0 / (end - start));
            }
            adam(gw, gb);
        }
    }

    /** Adds the scaled gradient of the loss at (x, y). */
    private void accumulate(double[] x, int y, double[][] gw, double[][] gb, double scale) {
        int layers = w.length;
        double[][] a = new double[layers + 1][];
        double[][] z = new double[layers][];
        a[0] = x;
        for (int l = 0; l < layers; l++) {
            z[l] = new double[widths[l + 1]];
            a[l + 1] = new double[widths[l + 1]];
            for (int i = 0; i < z[l].length; i++) {
                double s = b[l][i];
                for (int j = 0; j < widths[l]; j++) {
                    s += w[l][i * widths[l] + j] * a[l][j];
                }
                z[l][i] = s;
                a[l + 1][i] = l == layers - 1 ? s : Math.max(s, 0);
            }
        }
        double[] dz = softmax(z[layers - 1]);
        dz[y] -= 1;
        for (int l = layers - 1; l >= 0; l--) {
            double[] da = new double[widths[l]];
            for (int i = 0; i < dz.length; i++) {
                gb[l][i] += scale * dz[i];
                for (int j = 0; j < widths[l]; j++) {
                    gw[l][i * widths[l] + j] += scale * dz[i] * a[l][j];
                    da[j] += w[l][i * widths[l] + j] * dz[i];
                }
            }
            if (l > 0) {
                for (int j = 0; j < da.length; j++) {
                    da[j] = z[l - 1][j] > 0 ? da[j] : 0;
                }
            }
            dz = da;
        }
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private void adam(double[][] gw, double[][] gb) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int l = 0; l < w.length; l++) {
            step(w[l], gw[l], mw[l], vw[l], c1, c2);
            step(b[l], gb[l], mb[l], vb[l], c1, c2);
        }
    }

    private void step(double[] p, double[] g, double[] m, double[] v, double c1, double c2) {
        for (int k = 0; k < p.length; k++) {
            m[k] = BETA1 * m[k] + (1 - BETA1) * g[k];
            v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
            p[k] -= learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + ADAM_EPS);
        }
    }
}

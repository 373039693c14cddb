package org.reluscope.testing;

import java.util.Arrays;
import java.util.Random;

import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.input.L2Ball;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;

/**
 * An empirical under-approximation of what a network reaches on an input set, the oracle that
 * sound bounds must contain: uniform samples, extreme points (box corners, points on the
 * sphere) and projected-gradient ascent on each objective c·y (sign steps in a box,
 * normalised steps in a ball). Records, over all points it evaluated, the range of every
 * pre-activation and the maximum of every objective.
 *
 * <p>Points are evaluated in batches of {@value #BATCH} (each weight is read once per batch),
 * a different summation order from {@link Network#evaluate}; both are within rounding of the
 * exact network.
 */
public final class ReachProbe {
    private static final int BATCH = 32;
    private static final int PGD_STEPS = 25;

    private final Network network;
    private final double[][] transposed;
    /** Per layer, pre-activations of the batch: z[l][j * BATCH + s]. */
    private final double[][] z;
    private final double[][] zMin;
    private final double[][] zMax;
    private final double[][] objectives;
    private final double[] objectiveMax;
    private long evaluations;

    /**
     * The observed extremes.
     *
     * @param zMin         per layer and neuron, the smallest pre-activation seen
     * @param zMax         the largest
     * @param objectiveMax per objective c, the largest c·f(x) seen
     * @param evaluations  how many points were evaluated
     */
    public record Result(double[][] zMin, double[][] zMax, double[] objectiveMax, long evaluations) {
    }

    private ReachProbe(Network network, double[][] objectives) {
        this.network = network;
        int layers = network.layerCount();
        this.transposed = new double[layers][];
        this.z = new double[layers][];
        this.zMin = new double[layers][];
        this.zMax = new double[layers][];
        for (int l = 0; l < layers; l++) {
            AffineLayer layer = network.layer(l);
            int in = layer.inputSize();
            int out = layer.outputSize();
            double[] wt = new double[in * out];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    wt[i * out + j] = layer.weight(j, i);
                }
            }
            transposed[l] = wt;
            z[l] = new double[out * BATCH];
            zMin[l] = filled(out, Double.POSITIVE_INFINITY);
            zMax[l] = filled(out, Double.NEGATIVE_INFINITY);
        }
        this.objectives = objectives;
        this.objectiveMax = filled(objectives.length, Double.NEGATIVE_INFINITY);
    }

    /**
     * Probes with about {@code budget} evaluations: 40% uniform, 20% extreme points, 40%
     * projected-gradient ascent spread over the objectives.
     *
     * @param objectives vectors c over the outputs whose maximum of c·f(x) is sought; the
     *                   unit vectors ±e_j are always probed in addition
     */
    public static Result run(Network network, InputSet set, double[][] objectives, int budget, long seed) {
        double[][] all = withUnitObjectives(objectives, network.outputSize());
        ReachProbe probe = new ReachProbe(network, all);
        Random random = new Random(seed);
        double[][] xs = new double[BATCH][];
        for (int done = 0; done < budget * 3 / 5; done += BATCH) {
            for (int s = 0; s < BATCH; s++) {
                xs[s] = done < budget * 2 / 5 ? set.sample(random) : extremePoint(set, random);
            }
            probe.evaluate(xs);
        }
        int runs = Math.max(all.length, budget * 2 / 5 / PGD_STEPS);
        double[][] goals = new double[BATCH][];
        for (int k = 0; k < runs; k += BATCH) {
            for (int s = 0; s < BATCH; s++) {
                goals[s] = all[(k + s) % all.length];
                xs[s] = random.nextBoolean() ? set.sample(random) : extremePoint(set, random);
            }
            probe.ascend(set, goals, xs);
        }
        double[] objMax = Arrays.copyOfRange(probe.objectiveMax, 2 * network.outputSize(), all.length);
        return new Result(probe.zMin, probe.zMax, objMax, probe.evaluations);
    }

    private static double[][] withUnitObjectives(double[][] objectives, int outputs) {
        double[][] all = new double[2 * outputs + objectives.length][];
        for (int j = 0; j < outputs; j++) {
            all[2 * j] = new double[outputs];
            all[2 * j][j] = 1;
            all[2 * j + 1] = new double[outputs];
            all[2 * j + 1][j] = -1;
        }
        System.arraycopy(objectives, 0, all, 2 * outputs, objectives.length);
        return all;
    }

    private static double[] extremePoint(InputSet set, Random random) {
        if (set instanceof Box box) {
            double[] x = new double[box.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextBoolean() ? box.lower(i) : box.upper(i);
            }
            return x;
        }
        L2Ball ball = (L2Ball) set;
        double[] c = ball.center();
        double[] g = new double[c.length];
        double n2 = 0;
        for (int i = 0; i < g.length; i++) {
            g[i] = random.nextGaussian();
            n2 += g[i] * g[i];
        }
        double scale = ball.radius() / Math.sqrt(n2);
        for (int i = 0; i < g.length; i++) {
            g[i] = c[i] + g[i] * scale;
        }
        return set.project(g);
    }

    /** Projected gradient ascent on goals[s]·f(x) from xs[s], for each s at once. Modified: xs. */
    private void ascend(InputSet set, double[][] goals, double[][] xs) {
        Box box = set.boundingBox();
        double radius = set instanceof L2Ball ball ? ball.radius() : 0;
        int n = xs[0].length;
        double[] grad = new double[n * BATCH];
        for (int step = 0; step < PGD_STEPS; step++) {
            evaluate(xs);
            gradient(goals, grad);
            double eta = 0.3 * Math.pow(0.05 / 0.3, step / (double) (PGD_STEPS - 1));
            for (int s = 0; s < BATCH; s++) {
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += grad[i * BATCH + s] * grad[i * BATCH + s];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    double g = grad[i * BATCH + s];
                    xs[s][i] += set instanceof Box ? eta * box.width(i) * Math.signum(g)
                            : norm == 0 ? 0 : eta * radius * g / norm;
                }
                xs[s] = set.project(xs[s]);
            }
        }
        evaluate(xs);
    }

    /** Evaluates the batch and records the extremes. Not modified: xs. */
    private void evaluate(double[][] xs) {
        int in0 = xs[0].length;
        double[] a = new double[in0 * BATCH];
        for (int s = 0; s < BATCH; s++) {
            for (int i = 0; i < in0; i++) {
                a[i * BATCH + s] = xs[s][i];
            }
        }
        for (int l = 0; l < z.length; l++) {
            AffineLayer layer = network.layer(l);
            int out = layer.outputSize();
            double[] zl = z[l];
            for (int j = 0; j < out; j++) {
                Arrays.fill(zl, j * BATCH, (j + 1) * BATCH, layer.bias()[j]);
            }
            double[] wt = transposed[l];
            for (int i = 0; i < layer.inputSize(); i++) {
                int ab = i * BATCH;
                for (int j = 0; j < out; j++) {
                    double w = wt[i * out + j];
                    if (w != 0) {
                        int zb = j * BATCH;
                        for (int s = 0; s < BATCH; s++) {
                            zl[zb + s] += w * a[ab + s];
                        }
                    }
                }
            }
            a = new double[out * BATCH];
            for (int j = 0; j < out; j++) {
                for (int s = 0; s < BATCH; s++) {
                    double v = zl[j * BATCH + s];
                    zMin[l][j] = Math.min(zMin[l][j], v);
                    zMax[l][j] = Math.max(zMax[l][j], v);
                    a[j * BATCH + s] = layer.activation().apply(v);
                }
            }
        }
        for (int k = 0; k < objectives.length; k++) {
            for (int s = 0; s < BATCH; s++) {
                double v = 0;
                for (int j = 0; j < objectives[k].length; j++) {
                    v += objectives[k][j] * a[j * BATCH + s];
                }
                objectiveMax[k] = Math.max(objectiveMax[k], v);
            }
        }
        evaluations += BATCH;
    }

    /** ∇_x goals[s]·f(x) at the batch last evaluated. Modified: grad (grad[i * BATCH + s]). */
    private void gradient(double[][] goals, double[] grad) {
        int outputs = network.outputSize();
        double[] delta = new double[outputs * BATCH];
        for (int s = 0; s < BATCH; s++) {
            for (int j = 0; j < outputs; j++) {
                delta[j * BATCH + s] = goals[s][j];
            }
        }
        for (int l = z.length - 1; l >= 0; l--) {
            AffineLayer layer = network.layer(l);
            if (layer.activation() == Activation.RELU) {
                for (int k = 0; k < delta.length; k++) {
                    if (z[l][k] <= 0) {
                        delta[k] = 0;
                    }
                }
            }
            int in = layer.inputSize();
            double[] prev = l == 0 ? grad : new double[in * BATCH];
            Arrays.fill(prev, 0);
            double[] w = layer.weights();
            for (int j = 0; j < layer.outputSize(); j++) {
                int db = j * BATCH;
                for (int i = 0; i < in; i++) {
                    double wji = w[j * in + i];
                    int pb = i * BATCH;
                    for (int s = 0; s < BATCH; s++) {
                        prev[pb + s] += wji * delta[db + s];
                    }
                }
            }
            delta = prev;
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}

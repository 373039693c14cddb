package org.reluscope.lp;

import java.util.Random;

/** Small MILPs with optima known by enumeration: 0/1 knapsacks and big-M encodings of ReLU networks. */
final class Milps {
    private Milps() {
    }

    /** max v·x s.t. w·x ≤ capacity, x ∈ {0,1}ⁿ. */
    record Knapsack(double[] values, double[] weights, double capacity) {
        LinearProgram lp() {
            LinearProgram.Builder b = LinearProgram.builder();
            for (int j = 0; j < values.length; j++) {
                b.addIntegerVariable(0, 1);
            }
            b.addLessOrEqual(weights, capacity);
            return b.objective(values, Sense.MAXIMIZE).build();
        }

        /** The optimum over all 2ⁿ choices. */
        double bruteForceOptimum() {
            double best = 0;
            for (int mask = 0; mask < 1 << values.length; mask++) {
                double v = 0;
                double w = 0;
                for (int j = 0; j < values.length; j++) {
                    if ((mask >> j & 1) == 1) {
                        v += values[j];
                        w += weights[j];
                    }
                }
                if (w <= capacity) {
                    best = Math.max(best, v);
                }
            }
            return best;
        }
    }

    static Knapsack knapsack(Random random, int n) {
        double[] v = new double[n];
        double[] w = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            v[j] = 1 + Math.floor(random.nextDouble() * 20);
            w[j] = 1 + Math.floor(random.nextDouble() * 20);
            total += w[j];
        }
        return new Knapsack(v, w, Math.floor(0.4 * total));
    }

    /** f(x) = v·relu(W x + b) + c on the box [−1, 1]ⁿ. */
    record ReluNet(double[][] w, double[] b, double[] v, double c) {
        double output(double[] x) {
            double f = c;
            for (int i = 0; i < b.length; i++) {
                f += v[i] * Math.max(0, preActivation(i, x));
            }
            return f;
        }

        private double preActivation(int i, double[] x) {
            double z = b[i];
            for (int j = 0; j < w[i].length; j++) {
                z += w[i][j] * x[j];
            }
            return z;
        }

        /**
         * The exact big-M MILP of max/min f over the box: variables x, then per neuron its
         * output a ∈ [0, max(U, 0)] and indicator δ ∈ {0, 1}, with z = w·x + b ∈ [L, U]:
         * a ≥ z, a ≤ z − L(1 − δ), a ≤ U δ.
         */
        LinearProgram bigM(Sense sense) {
            int n = w[0].length;
            int h = b.length;
            LinearProgram.Builder builder = LinearProgram.builder();
            for (int j = 0; j < n; j++) {
                builder.addVariable(-1, 1);
            }
            double[] objective = new double[n + 2 * h];
            for (int i = 0; i < h; i++) {
                double spread = 0;
                for (double wij : w[i]) {
                    spread += Math.abs(wij);
                }
                double lower = b[i] - spread;
                double upper = b[i] + spread;
                int a = builder.addVariable(0, Math.max(upper, 0));
                int delta = builder.addIntegerVariable(0, 1);
                double[] row = new double[n + 2 * h];
                for (int j = 0; j < n; j++) {
                    row[j] = -w[i][j];
                }
                row[a] = 1;
                builder.addGreaterOrEqual(row, b[i]);
                double[] second = row.clone();
                second[delta] = -lower;
                builder.addLessOrEqual(second, b[i] - lower);
                double[] third = new double[n + 2 * h];
                third[a] = 1;
                third[delta] = -upper;
                builder.addLessOrEqual(third, 0);
                objective[a] = v[i];
            }
            return builder.objective(objective, c, sense).build();
        }

        /** The optimum over the box as the best over activation patterns of the affine piece's optimum on its region. */
        double optimumByPatterns(Sense sense) {
            int n = w[0].length;
            int h = b.length;
            double best = Double.NaN;
            for (int pattern = 0; pattern < 1 << h; pattern++) {
                LinearProgram.Builder builder = LinearProgram.builder();
                for (int j = 0; j < n; j++) {
                    builder.addVariable(-1, 1);
                }
                double[] objective = new double[n];
                double constant = c;
                for (int i = 0; i < h; i++) {
                    boolean active = (pattern >> i & 1) == 1;
                    if (active) {
                        builder.addGreaterOrEqual(w[i], -b[i]);
                        for (int j = 0; j < n; j++) {
                            objective[j] += v[i] * w[i][j];
                        }
                        constant += v[i] * b[i];
                    } else {
                        builder.addLessOrEqual(w[i], -b[i]);
                    }
                }
                double value = BruteForceLp.optimum(builder.objective(objective, constant, sense).build());
                if (!Double.isNaN(value) && (Double.isNaN(best) || (sense == Sense.MAXIMIZE ? value > best : value < best))) {
                    best = value;
                }
            }
            return best;
        }
    }

    static ReluNet reluNet(Random random, int inputs, int hidden) {
        double[][] w = new double[hidden][inputs];
        double[] b = new double[hidden];
        double[] v = new double[hidden];
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < inputs; j++) {
                w[i][j] = random.nextGaussian();
            }
            b[i] = 0.5 * random.nextGaussian();
            v[i] = random.nextGaussian();
        }
        return new ReluNet(w, b, v, random.nextGaussian());
    }
}

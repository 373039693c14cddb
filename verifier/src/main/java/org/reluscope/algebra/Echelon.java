package org.reluscope.algebra;

/**
 * Reduced row echelon form by Gauss–Jordan elimination with complete pivoting: at each step
 * the largest remaining entry becomes the pivot, which keeps the multipliers at most 1 in
 * magnitude and so keeps a well-conditioned basis (such as orthonormal normals) well
 * conditioned. Used to turn a numerically computed basis of linear equations into the
 * readable form "pivot variable = combination of the others".
 */
final class Echelon {
    private Echelon() {
    }

    /**
     * Brings rows to reduced echelon form over their first {@code cols} columns (further
     * columns, e.g. a constant term, follow along). Rows whose remaining entries are all at
     * most {@code tolerance}·(largest entry) are left as they are, after the pivot rows.
     *
     * @param rows rectangular, each at least {@code cols} long. Modified.
     * @return the number of pivots (the numerical rank)
     */
    static int reduce(double[][] rows, int cols, double tolerance) {
        double scale = 0;
        for (double[] row : rows) {
            for (int j = 0; j < cols; j++) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
        }
        boolean[] used = new boolean[cols];
        int rank = 0;
        while (rank < rows.length) {
            int pr = -1;
            int pc = -1;
            double best = tolerance * scale;
            for (int i = rank; i < rows.length; i++) {
                for (int j = 0; j < cols; j++) {
                    if (!used[j] && Math.abs(rows[i][j]) > best) {
                        best = Math.abs(rows[i][j]);
                        pr = i;
                        pc = j;
                    }
                }
            }
            if (pr < 0) {
                return rank;
            }
            double[] pivot = rows[pr];
            rows[pr] = rows[rank];
            rows[rank] = pivot;
            eliminate(rows, rank, pc);
            used[pc] = true;
            rank++;
        }
        return rank;
    }

    /** Scales row k so that entry c is 1 and clears column c in every other row. Modified: rows. */
    private static void eliminate(double[][] rows, int k, int c) {
        double[] pivot = rows[k];
        double inv = 1 / pivot[c];
        for (int j = 0; j < pivot.length; j++) {
            pivot[j] *= inv;
        }
        pivot[c] = 1;
        for (int i = 0; i < rows.length; i++) {
            double f = rows[i][c];
            if (i != k && f != 0) {
                for (int j = 0; j < pivot.length; j++) {
                    rows[i][j] -= f * pivot[j];
                }
                rows[i][c] = 0;
            }
        }
    }
}

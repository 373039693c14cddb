package org.reluscope.algebra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The t × t minors of a matrix of polynomials, expanded: the generators of the determinantal
 * ideal I_t(A), whose zero set is { rank A &lt; t }.
 *
 * <p>An m × n matrix has C(m, t)·C(n, t) such minors, and a minor of a matrix of variables has
 * t! terms, so the enumeration is refused (a returned value saying why, not an exception)
 * when either would exceed the caller's cap. Each determinant is expanded by Laplace along
 * its first row with memoisation over the remaining column subsets, so a t × t determinant
 * costs 2^t sub-determinants instead of t!.
 */
public final class Minors {
    private Minors() {
    }

    /**
     * The outcome of an enumeration.
     *
     * @param size       t
     * @param count      how many t-minors the matrix has (Long.MAX_VALUE when that overflows)
     * @param polynomials the expanded minors, row subsets in lexicographic order and column
     *                    subsets within; empty when refused or when t exceeds the matrix
     * @param refusal    why they were not enumerated, or {@code null}
     */
    public record Result(int size, long count, List<Polynomial> polynomials, String refusal) {
        public Result {
            polynomials = List.copyOf(polynomials);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /** C(n, k), saturating at Long.MAX_VALUE. */
    public static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        int kk = Math.min(k, n - k);
        long c = 1;
        for (int i = 1; i <= kk; i++) {
            long g = gcd(c, i);
            long num = c / g;
            long den = i / g;
            long factor = (n - kk + i) / den;
            if (num > Long.MAX_VALUE / factor) {
                return Long.MAX_VALUE;
            }
            c = num * factor;
        }
        return c;
    }

    /** The number of t × t minors of an m × n matrix, saturating. */
    public static long count(int rows, int cols, int t) {
        long a = binomial(rows, t);
        long b = binomial(cols, t);
        if (a != 0 && b > Long.MAX_VALUE / a) {
            return Long.MAX_VALUE;
        }
        return a * b;
    }

    /**
     * All t × t minors of {@code matrix}.
     *
     * @param matrix    rectangular, entries in one ring. Not modified.
     * @param maxMinors refuse when there are more minors than this
     * @param maxTerms  refuse when the expanded minors could have more terms in total than this
     *                  (bounded by count · t! · (terms per entry)^t)
     */
    public static Result of(Polynomial[][] matrix, int t, long maxMinors, long maxTerms) {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        long count = count(rows, cols, t);
        if (count == 0) {
            return new Result(t, 0, List.of(), null);
        }
        if (count > maxMinors) {
            return new Result(t, count, List.of(), "the " + t + "×" + t + " minors of a " + rows + "×" + cols
                    + " matrix number " + describe(count) + ", more than the cap of " + maxMinors);
        }
        double termBound = count * factorial(t) * Math.pow(maxEntryTerms(matrix), t);
        if (termBound > maxTerms) {
            return new Result(t, count, List.of(), "the " + count + " minors of size " + t + " could expand to "
                    + describe((long) Math.min(termBound, Long.MAX_VALUE)) + " terms, more than the cap of " + maxTerms);
        }
        List<Polynomial> out = new ArrayList<>();
        for (int[] r : subsets(rows, t)) {
            for (int[] c : subsets(cols, t)) {
                out.add(determinant(matrix, r, c));
            }
        }
        return new Result(t, count, out, null);
    }

    /** det of the square matrix of polynomials. Not modified: matrix. */
    public static Polynomial determinant(Polynomial[][] matrix) {
        int n = matrix.length;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("determinant of a non-square matrix: row " + i + " has "
                        + matrix[i].length + " entries, there are " + n + " rows");
            }
            all[i] = i;
        }
        if (n == 0) {
            throw new IllegalArgumentException("determinant of an empty matrix");
        }
        return determinant(matrix, all, all);
    }

    /** det of the submatrix on the given rows and columns (both sorted, same length). */
    static Polynomial determinant(Polynomial[][] matrix, int[] rows, int[] cols) {
        Map<Integer, Polynomial> memo = new HashMap<>();
        return expand(matrix, rows, cols, 0, (1 << cols.length) - 1, memo);
    }

    /**
     * det of the submatrix on rows[depth..] and the columns of {@code mask} (bits index into
     * cols), by Laplace along row rows[depth]. The memo key is the mask: the depth follows
     * from its bit count.
     */
    private static Polynomial expand(Polynomial[][] m, int[] rows, int[] cols, int depth, int mask,
                                     Map<Integer, Polynomial> memo) {
        Polynomial cached = memo.get(mask);
        if (cached != null) {
            return cached;
        }
        Polynomial[] row = m[rows[depth]];
        Polynomial sum = Polynomial.zero(row[cols[0]].variables());
        int sign = 1;
        for (int k = 0; k < cols.length; k++) {
            if ((mask & (1 << k)) == 0) {
                continue;
            }
            Polynomial entry = row[cols[k]];
            if (!entry.isZero()) {
                int rest = mask & ~(1 << k);
                Polynomial term = rest == 0 ? entry : entry.times(expand(m, rows, cols, depth + 1, rest, memo));
                sum = sign > 0 ? sum.plus(term) : sum.minus(term);
            }
            sign = -sign;
        }
        memo.put(mask, sum);
        return sum;
    }

    /** All k-subsets of {0, …, n−1}, each sorted, in lexicographic order. */
    public static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        if (k > n || k < 0) {
            return out;
        }
        int[] s = new int[k];
        for (int i = 0; i < k; i++) {
            s[i] = i;
        }
        while (true) {
            out.add(s.clone());
            int i = k - 1;
            while (i >= 0 && s[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            s[i]++;
            for (int j = i + 1; j < k; j++) {
                s[j] = s[j - 1] + 1;
            }
        }
    }

    private static int maxEntryTerms(Polynomial[][] matrix) {
        int max = 1;
        for (Polynomial[] row : matrix) {
            for (Polynomial p : row) {
                max = Math.max(max, p.termCount());
            }
        }
        return max;
    }

    private static double factorial(int t) {
        double f = 1;
        for (int i = 2; i <= t; i++) {
            f *= i;
        }
        return f;
    }

    private static String describe(long count) {
        return count == Long.MAX_VALUE ? "more than 9.2e18" : String.format("%,d", count);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

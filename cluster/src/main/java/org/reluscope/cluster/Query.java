package org.reluscope.cluster;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;

import org.reluscope.BadInputException;
import org.reluscope.input.Box;
import org.reluscope.net.Network;
import org.reluscope.numeric.Rounding;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

/**
 * What one instance asks of its network. Queries travel from the driver to the executors,
 * so they carry plain data (paths as strings, points as arrays) and build the
 * {@link Property} only where it is solved.
 */
public sealed interface Query extends Serializable {

    /**
     * The property, with its sizes checked against {@code network}.
     *
     * @throws BadInputException on an unreadable property or mismatched sizes
     */
    Property property(Network network);

    /** How the query is named in reports: the file, or the point and radius. */
    String describe();

    /** A VNN-LIB file (the unsafe set), read where the instance runs. */
    record VnnLib(String file) implements Query {
        private static final long serialVersionUID = 1L;

        @Override
        public Property property(Network network) {
            Property property = VnnLibParser.parse(Path.of(file));
            checkSize(file, "inputs", property.inputSize(), network.inputSize());
            checkSize(file, "outputs", property.outputSize(), network.outputSize());
            return property;
        }

        @Override
        public String describe() {
            return file;
        }

        private static void checkSize(String file, String what, int declared, int network) {
            if (declared != network) {
                throw new BadInputException(file, "property has " + declared + " " + what + " but the network has " + network);
            }
        }
    }

    /**
     * Local robustness: every x with ‖x − x0‖∞ ≤ ε (and inside the clip box, when given) keeps
     * {@code label} the strictly largest output. The box is rounded outward so that it contains
     * the exact real ball, which keeps an {@code unsat} answer sound.
     *
     * @param point   the point's name in reports, e.g. {@code points.csv:17}
     * @param center  x0
     * @param clip    {@code null}, or {lo, hi}: every input stays in [lo, hi] (pixels: 0, 1)
     */
    record Robustness(String point, double[] center, int label, double epsilon, double[] clip) implements Query {
        private static final long serialVersionUID = 1L;

        public Robustness {
            center = center.clone();
            clip = clip == null ? null : clip.clone();
        }

        @Override
        public double[] center() {
            return center.clone();
        }

        @Override
        public double[] clip() {
            return clip == null ? null : clip.clone();
        }

        @Override
        public Property property(Network network) {
            if (center.length != network.inputSize()) {
                throw new BadInputException(point, "the point has " + center.length + " values but the network has "
                        + network.inputSize() + " inputs");
            }
            if (label < 0 || label >= network.outputSize()) {
                throw new BadInputException(point, "label " + label + " is not an output index: the network has "
                        + network.outputSize() + " outputs");
            }
            return Property.robustness(box(), network.outputSize(), label);
        }

        private Box box() {
            double[] lo = new double[center.length];
            double[] hi = new double[center.length];
            for (int i = 0; i < center.length; i++) {
                lo[i] = Rounding.addDown(center[i], -epsilon);
                hi[i] = Rounding.addUp(center[i], epsilon);
                if (clip != null) {
                    lo[i] = Math.max(lo[i], clip[0]);
                    hi[i] = Math.min(hi[i], clip[1]);
                }
                if (lo[i] > hi[i]) {
                    throw new BadInputException(point, "input " + i + " = " + center[i] + " lies outside the clip range "
                            + Arrays.toString(clip) + " by more than ε = " + epsilon);
                }
            }
            return new Box(lo, hi);
        }

        @Override
        public String describe() {
            return point + " label " + label + " eps " + epsilon;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Robustness r && r.point.equals(point) && Arrays.equals(r.center, center)
                    && r.label == label && Double.compare(r.epsilon, epsilon) == 0 && Arrays.equals(r.clip, clip);
        }

        @Override
        public int hashCode() {
            return 31 * point.hashCode() + Double.hashCode(epsilon);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}

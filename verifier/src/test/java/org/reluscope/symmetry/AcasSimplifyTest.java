package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.bounds.Bounds;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Activation;
import org.reluscope.net.AffineLayer;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;

/**
 * ACAS Xu network 1_1 on the input boxes of properties 1–4: fewer units, the same outputs on
 * 100 000 samples, and proven equivalent on the whole box (in both argument orders) by
 * differential bounds; a weight changed where it matters on the box is found different.
 */
class AcasSimplifyTest {
    private static final double TOL = 1e-9;
    private static final DomainEquivalenceOptions OPTIONS = DomainEquivalenceOptions.of(TOL, Duration.ofSeconds(30), 1);

    private static Network acas11() {
        return NetworkFiles.read(SharedBenchmarks.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx"));
    }

    private static InputSet box(int prop) {
        Property property = VnnLibParser.parse(SharedBenchmarks.require("acasxu/vnnlib/prop_" + prop + ".vnnlib"));
        assertEquals(1, property.inputSets().size());
        return property.inputSets().get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void simplifiedNetworkAgreesAndIsProvenEquivalentOnTheBox(int prop) {
        Network net = acas11();
        InputSet box = box(prop);
        Simplification s = Simplifier.simplify(net, box, SimplifierTest.CROWN, 1e-12);
        assertEquals(300, s.unitsBefore());
        assertTrue(s.unitsAfter() < s.unitsBefore(), "some unit is stable on the box: " + s.unitsAfter());
        assertTrue(SimplifierTest.worstRelativeGap(net, s.network(), box, 100_000, prop) < 1e-12);
        for (EquivalenceVerdict v : List.of(Equivalence.onDomain(net, s.network(), box, OPTIONS),
                Equivalence.onDomain(s.network(), net, box, OPTIONS))) {
            assertTrue(v instanceof EquivalenceVerdict.Equivalent e && e.method().startsWith(Equivalence.DIFFERENTIAL)
                    && e.differenceBound() < TOL, v::toString);
        }
    }

    /**
     * The prop 4 box shrunk to 1 % of its width around its centre: five of the six hidden layers
     * are folded into affine maps (300 → a few dozen units), so the simplified weights are
     * recomputed products, not copies; the differential bound is then small but not 0, and
     * covers the difference seen on 100 000 samples.
     */
    @Test
    void simplificationWithFoldedLayersIsProvenEquivalentOnASmallBox() {
        Network net = acas11();
        Box prop4 = box(4).boundingBox();
        double[] lo = prop4.center();
        double[] hi = prop4.center();
        for (int i = 0; i < lo.length; i++) {
            lo[i] -= 0.005 * prop4.width(i);
            hi[i] += 0.005 * prop4.width(i);
        }
        Box small = new Box(lo, hi);
        Simplification s = Simplifier.simplify(net, small, SimplifierTest.CROWN, 1e-12);
        assertTrue(s.unitsAfter() < 50 && s.network().layerCount() <= 3, "left: " + s.network());
        EquivalenceVerdict v = Equivalence.onDomain(net, s.network(), small, OPTIONS);
        assertTrue(v instanceof EquivalenceVerdict.Equivalent e && e.method().startsWith(Equivalence.DIFFERENTIAL)
                && e.differenceBound() > 0 && e.differenceBound() < TOL, v::toString);
        double sampled = AlignedDifferenceTest.sampledMaxDifference(net, s.network(), small, 100_000, 4);
        double bound = ((EquivalenceVerdict.Equivalent) v).differenceBound();
        assertTrue(sampled > 0 && sampled <= bound, "sampled " + sampled + ", bound " + bound);
    }

    /**
     * One output weight of the simplified network, on a unit active at the box's centre, changed
     * by 1e-3: the difference there is 1e-3 times that unit's output, and the answer is
     * {@code different} with a witness re-checked through both networks.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void weightChangedWhereItMattersIsFoundDifferent(int prop) {
        Network net = acas11();
        InputSet box = box(prop);
        Network g = Simplifier.simplify(net, box, SimplifierTest.CROWN, 1e-12).network();
        int last = g.layerCount() - 1;
        double[][] hidden = g.preActivations(box.center());
        int active = 0;
        while (hidden[last - 1][active] <= 0) {
            active++;
        }
        double[][] rows = g.layer(last).weightRows();
        rows[0][active] += 1e-3;
        List<AffineLayer> layers = new ArrayList<>(g.layers());
        layers.set(last, AffineLayer.of(rows, g.layer(last).bias(), Activation.IDENTITY));
        Network changed = new Network(layers);
        EquivalenceVerdict v = Equivalence.onDomain(net, changed, box, OPTIONS);
        DomainEquivalenceTest.assertRealWitness(net, changed, box, v);
    }

    /**
     * The bias of a first-layer unit that crown proves inactive on the prop 3 box lowered by 1:
     * different weights, the same function there — proven, since that unit needs no partner.
     */
    @Test
    void unitSilencedWhereItIsInactiveIsProvenHarmless() {
        Network net = acas11();
        InputSet box = box(3);
        Bounds b = SimplifierTest.CROWN.compute(net, box);
        double[] bias = net.layer(0).bias().clone();
        int inactive = 0;
        while (b.layer(0).upper(inactive) > 0) {
            inactive++;
        }
        bias[inactive] -= 1;
        List<AffineLayer> layers = new ArrayList<>(net.layers());
        layers.set(0, new AffineLayer(50, 5, net.layer(0).weights(), bias, Activation.RELU));
        EquivalenceVerdict v = Equivalence.onDomain(net, new Network(layers), box, OPTIONS);
        assertTrue(v instanceof EquivalenceVerdict.Equivalent e && e.method().startsWith(Equivalence.DIFFERENTIAL), v::toString);
    }
}

package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.input.Box;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;

/**
 * ACAS Xu network 1_1 on the input boxes of properties 1–4: fewer units, same outputs on 100 000
 * samples; on a small box the simplified network is also proven equivalent.
 */
class AcasSimplifyTest {
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
    void simplifiedNetworkAgreesOnTheBox(int prop) {
        Network net = acas11();
        InputSet box = box(prop);
        Simplification s = Simplifier.simplify(net, box, SimplifierTest.CROWN, 1e-12);
        assertEquals(300, s.unitsBefore());
        assertTrue(s.unitsAfter() < s.unitsBefore(), "some unit is stable on the box: " + s.unitsAfter());
        assertTrue(SimplifierTest.worstRelativeGap(net, s.network(), box, 100_000, prop) < 1e-12);
    }

    /**
     * The prop 4 box shrunk to 1 % of its width around its centre: the network drops from 300 to
     * a few dozen units, and branch and bound over f − simplified proves |difference| &lt; 1e-9.
     */
    @Test
    void simplifiedNetworkIsProvenEquivalentOnASmallBox() {
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
        assertTrue(s.unitsAfter() < 50, "units left: " + s.unitsAfter());
        EquivalenceVerdict v = Equivalence.onDomain(net, s.network(), small,
                DomainEquivalenceOptions.of(1e-9, Duration.ofSeconds(30), 1));
        assertTrue(v instanceof EquivalenceVerdict.Equivalent, v::toString);
    }
}

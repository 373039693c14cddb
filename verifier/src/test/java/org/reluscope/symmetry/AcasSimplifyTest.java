package org.reluscope.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reluscope.input.InputSet;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;
import org.reluscope.testing.SharedBenchmarks;

/** ACAS Xu network 1_1 on the input boxes of properties 1–4: fewer units, same outputs on 100 000 samples. */
class AcasSimplifyTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void simplifiedNetworkAgreesOnTheBox(int prop) {
        Path onnx = SharedBenchmarks.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Property property = VnnLibParser.parse(SharedBenchmarks.require("acasxu/vnnlib/prop_" + prop + ".vnnlib"));
        Network net = NetworkFiles.read(onnx);
        assertEquals(1, property.inputSets().size());
        InputSet box = property.inputSets().get(0);
        Simplification s = Simplifier.simplify(net, box, SimplifierTest.CROWN, 1e-12);
        assertEquals(300, s.unitsBefore());
        assertTrue(s.unitsAfter() < s.unitsBefore(), "some unit is stable on the box: " + s.unitsAfter());
        assertTrue(SimplifierTest.worstRelativeGap(net, s.network(), box, 100_000, prop) < 1e-12);
    }
}

package org.reluscope.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.BadInputException;

class ExpectedAnswersTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSharedFormatAndMatchesByFileNames() throws IOException {
        Path csv = Files.writeString(dir.resolve("expected.csv"), """
                network,property,expected,nnenum_2023_s,abcrown_2023_s,nnenum_here_s
                A.onnx,prop_1.vnnlib,unsat,1.31,8.19,1.43
                A.onnx,prop_2.vnnlib,sat,1.3,,timeout
                onnx/B.onnx,prop_1.vnnlib,holds,,,
                B.onnx,prop_2.vnnlib,violated,,,
                B.onnx,prop_3.vnnlib,,,,
                B.onnx,prop_4.vnnlib,timeout,,,

                """);
        ExpectedAnswers e = ExpectedAnswers.read(csv);
        assertEquals(4, e.size(), "empty and timeout rows expect nothing");
        assertEquals(Optional.of(Answer.UNSAT), e.of(new Instance("/x/onnx/A.onnx", "/x/vnnlib/prop_1.vnnlib", 1)));
        assertEquals(Optional.of(Answer.SAT), e.of(new Instance("A.onnx", "prop_2.vnnlib", 1)));
        assertEquals(Optional.of(Answer.UNSAT), e.of(new Instance("/y/B.onnx.gz", "prop_1.vnnlib.gz", 1)));
        assertEquals(Optional.of(Answer.SAT), e.of(new Instance("B.onnx", "prop_2.vnnlib", 1)));
        assertEquals(Optional.empty(), e.of(new Instance("B.onnx", "prop_3.vnnlib", 1)));
        assertEquals(Optional.empty(), e.of(new Instance("C.onnx", "prop_1.vnnlib", 1)));
    }

    @Test
    void theSharedAcasXuTableHasItsSettledCounts() {
        Path csv = org.reluscope.testing.SharedBenchmarks.require("acasxu/expected.csv");
        ExpectedAnswers e = ExpectedAnswers.read(csv);
        assertEquals(186, e.size());
        assertEquals(Optional.of(Answer.UNSAT),
                e.of(new Instance("ACASXU_run2a_1_1_batch_2000.onnx", "prop_1.vnnlib", 116)));
    }

    @Test
    void problemsNameTheFileAndLine() throws IOException {
        assertError("network,property\nA.onnx,p.vnnlib\n",
                "line 1: the header must name the columns network, property and expected, found network,property");
        assertError("network,property,expected\nA.onnx,p.vnnlib,maybe\n", "line 2: unknown answer 'maybe'");
        assertError("network,property,expected\nA.onnx,p.vnnlib\n", "line 2: expected at least 3 fields, found 2");
        assertError("network,property,expected\nA.onnx,p.vnnlib,sat\nx/A.onnx,p.vnnlib,unsat\n",
                "line 3: x/A.onnx p.vnnlib is listed before as sat and now as unsat");
        assertError("", "the file is empty");
    }

    private void assertError(String text, String message) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), text);
        BadInputException e = assertThrows(BadInputException.class, () -> ExpectedAnswers.read(csv));
        assertTrue(e.describe().startsWith(csv + ": " + message), e.describe());
    }
}

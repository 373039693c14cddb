package org.reluscope.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.BadInputException;

class InstanceListTest {
    @TempDir
    Path dir;

    @Test
    void pathsResolveAgainstTheListsFolderItsSubFoldersAndGzipCopies() throws IOException {
        Path set = dir.resolve("set");
        Files.createDirectories(set.resolve("onnx"));
        Files.createDirectories(set.resolve("vnnlib"));
        Files.createDirectories(set.resolve("nets"));
        Files.writeString(set.resolve("nets/a.onnx"), "x");
        Files.writeString(set.resolve("onnx/b.onnx"), "x");
        Files.writeString(set.resolve("onnx/c.onnx.gz"), "x");
        Files.writeString(set.resolve("p.vnnlib"), "x");
        Files.writeString(set.resolve("vnnlib/q.vnnlib.gz"), "x");
        Path list = Files.writeString(set.resolve("list.csv"), """
                # a comment, then a blank line

                nets/a.onnx, p.vnnlib, 116
                b.onnx,q.vnnlib,60.5
                c.onnx,missing.vnnlib,1e1
                """);
        List<Instance> instances = InstanceList.read(list, Optional.empty());
        assertEquals(3, instances.size());
        assertEquals(new Instance(set.resolve("nets/a.onnx").toString(), set.resolve("p.vnnlib").toString(), 116),
                instances.get(0));
        assertEquals(new Instance(set.resolve("onnx/b.onnx").toString(), set.resolve("vnnlib/q.vnnlib.gz").toString(),
                60.5), instances.get(1));
        assertEquals(set.resolve("onnx/c.onnx.gz").toString(), instances.get(2).network());
        assertEquals(set.resolve("missing.vnnlib").toString(), instances.get(2).property(),
                "a file found nowhere stays where the list says, to be reported as an error when run");
        assertEquals("c.onnx missing.vnnlib", instances.get(2).name());
        assertEquals(10, instances.get(2).timeoutSeconds());
    }

    @Test
    void rootReplacesTheListsFolderAndAHeaderLineWithAByteOrderMarkIsSkipped() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("n.onnx"), "x");
        Path list = Files.writeString(dir.resolve("list.csv"), "\uFEFFnetwork,property,timeout\nn.onnx,p.vnnlib,5\n");
        List<Instance> instances = InstanceList.read(list, Optional.of(root));
        assertEquals(List.of(new Instance(root.resolve("n.onnx").toString(), root.resolve("p.vnnlib").toString(), 5)),
                instances);
    }

    @Test
    void malformedRowsNameTheFileAndLine() throws IOException {
        assertError("a.onnx,p.vnnlib,10\na.onnx,p.vnnlib\n",
                "line 2: expected 3 fields network,property,timeout, found 2");
        assertError("a.onnx,p.vnnlib,ten\n", "line 1: timeout 'ten' is not a number");
        assertError("\n\na.onnx,p.vnnlib,-3\n", "line 3: timeout -3 must be a positive number of seconds");
        assertError("a.onnx,p.vnnlib,NaN\n", "line 1: timeout NaN must be a positive number of seconds");
        assertError("a.onnx,,10\n", "line 1: the property path is empty");
        assertError("\"a.onnx,p.vnnlib,10\n", "line 1, column 1: quoted field is not closed");
        assertError("# only a comment\n", "no instances listed");
    }

    @Test
    void aMissingListIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> InstanceList.read(dir.resolve("none.csv"), Optional.empty()));
        assertEquals(dir.resolve("none.csv") + ": no such file", e.describe());
    }

    private void assertError(String text, String message) throws IOException {
        Path list = Files.writeString(dir.resolve("bad.csv"), text);
        BadInputException e = assertThrows(BadInputException.class, () -> InstanceList.read(list, Optional.empty()));
        assertTrue(e.describe().startsWith(list + ": " + message), e.describe());
    }
}

package org.reluscope.net.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reluscope.BadInputException;
import org.reluscope.net.Network;
import org.reluscope.net.RandomNetworks;

class NetworkFilesTest {
    private static final Network NET = RandomNetworks.relu(9, 3, 6, 2);

    @TempDir
    Path dir;

    @Test
    void writeThenReadByExtension() throws IOException {
        for (String name : List.of("n.json", "n.onnx")) {
            Path file = dir.resolve(name);
            NetworkFiles.write(NET, file);
            assertEquals(NET, NetworkFiles.read(file), name);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    /** A file whose extension says nothing is read by what its content looks like. */
    @Test
    void unknownExtensionIsDetectedFromContent() throws IOException {
        Path json = Files.writeString(dir.resolve("net.txt"), "\n  " + JsonNetworks.toJson(NET));
        Path onnx = Files.write(dir.resolve("net.bin"), OnnxWriter.toBytes(NET));
        Path nnet = Files.writeString(dir.resolve("net.dat"),
                "// tiny\n1,1,1,1,\n1,1,\n0,\n-1,\n1,\n0,0,\n1,1,\n2.5,\n-1,\n");
        assertEquals(NET, NetworkFiles.read(json));
        assertEquals(NET, NetworkFiles.read(onnx));
        assertArrayEquals(new double[] {1.5}, NetworkFiles.read(nnet).evaluate(new double[] {1}), 0);
    }

    /** The examples in specs/ are what specs/README.md says made them. */
    @Test
    void shippedExamplesAreTheDocumentedRandomNetworks() {
        Path examples = Path.of("").toAbsolutePath().getParent().resolve("specs/examples");
        Network small = RandomNetworks.relu(1, 0.1, 5, 20, 20, 3);
        assertEquals(small, NetworkFiles.read(examples.resolve("small.onnx")));
        assertEquals(small, NetworkFiles.read(examples.resolve("small.json")));
        assertEquals(RandomNetworks.relu(1, 0.1, 2, 3, 2), NetworkFiles.read(examples.resolve("tiny.json")));
    }

    @Test
    void writingAnUnknownFormatIsBadInput() {
        Path file = dir.resolve("n.txt");
        BadInputException e = assertThrows(BadInputException.class, () -> NetworkFiles.write(NET, file));
        assertEquals("cannot write this format: the name must end in .json or .onnx", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void emptyAndMissingFilesAreBadInput() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals("the file is empty", assertThrows(BadInputException.class,
                () -> NetworkFiles.read(empty)).getMessage());
        assertEquals("no such file", assertThrows(BadInputException.class,
                () -> NetworkFiles.read(dir.resolve("none.json"))).getMessage());
    }
}

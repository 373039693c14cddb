package org.reluscope.net.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.reluscope.BadInputException;
import org.reluscope.net.Network;

/**
 * Reads and writes networks in any of the formats reluscope knows, choosing by file name
 * extension ({@code .onnx}, {@code .nnet}, {@code .json}) or, for another extension, by
 * content: a JSON object starts with '{', a {@code .nnet} file with a "//" comment or a
 * digit, anything else is tried as ONNX.
 */
public final class NetworkFiles {
    /** The network file formats. */
    public enum Format {
        ONNX, NNET, JSON;

        /** The format a file name's extension names, or null for another extension. */
        public static Format ofName(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".onnx") ? ONNX : name.endsWith(".nnet") ? NNET : name.endsWith(".json") ? JSON : null;
        }

        /** The format {@code content} looks like. Not modified: content. */
        static Format ofContent(byte[] content) {
            int k = 0;
            while (k < content.length && Character.isWhitespace(content[k])) {
                k++;
            }
            if (k < content.length && content[k] == '{') {
                return JSON;
            }
            boolean comment = k + 1 < content.length && content[k] == '/' && content[k + 1] == '/';
            return comment || (k < content.length && Character.isDigit(content[k])) ? NNET : ONNX;
        }
    }

    private NetworkFiles() {
    }

    /**
     * The network in {@code file}.
     *
     * @throws BadInputException naming the file and the problem (with its line or ONNX node)
     */
    public static Network read(Path file) {
        return read(readBytes(file), file);
    }

    /**
     * The network whose bytes are {@code content}, read from {@code file} (for example after
     * decompressing it): the file's extension chooses the format, else the content does, and
     * errors name the file.
     *
     * @throws BadInputException naming the file and the problem
     */
    public static Network read(byte[] content, Path file) {
        if (content.length == 0) {
            throw new BadInputException(file, "the file is empty");
        }
        Format format = Format.ofName(file);
        String source = file.toString();
        return switch (format != null ? format : Format.ofContent(content)) {
            case ONNX -> OnnxReader.read(content, source);
            case NNET -> NnetReader.parse(text(content).lines().toList(), source);
            case JSON -> JsonNetworks.parse(text(content), source);
        };
    }

    /**
     * Writes the network as JSON ({@code .json}) or ONNX with exact float64 weights
     * ({@code .onnx}). The file appears complete or not at all: the bytes go to a temporary
     * file in the same folder, which is then renamed.
     *
     * @throws BadInputException for another extension or a folder that does not exist
     */
    public static void write(Network network, Path file) {
        Format format = Format.ofName(file);
        byte[] bytes;
        if (format == Format.JSON) {
            bytes = JsonNetworks.toJson(network).getBytes(StandardCharsets.UTF_8);
        } else if (format == Format.ONNX) {
            bytes = OnnxWriter.toBytes(network);
        } else {
            throw new BadInputException(file, "cannot write this format: the name must end in .json or .onnx");
        }
        Path folder = file.toAbsolutePath().getParent();
        // not createTempFile: its owner-only permissions would stay with the renamed file
        Path temporary = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".part");
        try {
            try {
                Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "the folder " + folder + " does not exist");
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "permission denied");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a file, with a missing file or a folder reported as bad input. */
    static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, not a network file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "permission denied");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file, read as UTF-8. */
    static String readText(Path file) {
        return text(readBytes(file));
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}

package org.reluscope.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.reluscope.BadInputException;
import org.reluscope.net.Network;
import org.reluscope.net.io.NetworkFiles;
import org.reluscope.spec.Property;
import org.reluscope.spec.VnnLibParser;

/**
 * Reads the network and property files of an instance, decompressing a {@code .gz} file
 * (as VNN-COMP benchmark repositories ship them) in memory first.
 */
public final class InstanceFiles {
    private InstanceFiles() {
    }

    /** @throws BadInputException naming the file and what is wrong */
    public static Network network(Path file) {
        return isGzip(file) ? NetworkFiles.read(gunzip(file), file) : NetworkFiles.read(file);
    }

    /** @throws BadInputException naming the file and what is wrong */
    public static Property property(Path file) {
        return isGzip(file) ? VnnLibParser.parse(new String(gunzip(file), StandardCharsets.UTF_8), file.toString())
                : VnnLibParser.parse(file);
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    private static byte[] gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file");
        } catch (ZipException e) {
            throw new BadInputException(file, "is not a valid gzip file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.reluscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.reluscope.BadInputException;

/**
 * Writes report files so that they appear complete or not at all: the text goes to a
 * temporary file in the target's folder, which is then renamed over the target. A reader (a CI
 * job collecting JUnit XML, a dashboard polling a CSV) never sees half a file, and a crash
 * leaves the previous version in place.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} by {@code text} (UTF-8).
     *
     * @throws BadInputException when the folder does not exist or cannot be written
     */
    public static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        // not createTempFile: its owner-only permissions would stay with the renamed file
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".part");
        try {
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "the folder " + target.getParent() + " does not exist");
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "permission denied");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks before a long run that {@code file} can be written later: its folder exists and
     * is writable, and the file itself is not a folder.
     *
     * @param option the option that named the file, for the message
     * @throws BadInputException otherwise
     */
    public static void checkWritable(String option, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new BadInputException(option, file + " is a folder, expected a file name");
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(option, "the folder " + folder + " of " + file + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new BadInputException(option, "the folder " + folder + " is not writable");
        }
    }
}

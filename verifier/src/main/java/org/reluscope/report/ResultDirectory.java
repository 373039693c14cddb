package org.reluscope.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.reluscope.BadInputException;
import org.reluscope.batch.InstanceResult;

/**
 * A folder of VNN-COMP result files, one per instance of a batch, named
 * {@code <network>_<property>.txt} after the two file names without their extensions (with
 * {@code _<index>} appended when a batch lists the same pair twice). Each file is written
 * atomically as soon as its instance is done.
 */
public final class ResultDirectory {
    private final Path folder;
    private final Set<String> used = new HashSet<>();

    /**
     * Creates the folder (and its parents) if needed.
     *
     * @throws BadInputException when it cannot be created
     */
    public ResultDirectory(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("--result-dir", folder + " exists and is not a folder");
        } catch (IOException e) {
            throw new BadInputException("--result-dir", "cannot create " + folder + ": " + e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw new BadInputException("--result-dir", folder + " is not writable");
        }
        this.folder = folder;
    }

    /** Writes the result file of {@code result} and returns its path. */
    public synchronized Path write(InstanceResult result) {
        String name = stem(result.instance().networkName()) + "_" + stem(result.instance().propertyName());
        if (!used.add(name)) {
            name += "_" + result.index();
            used.add(name);
        }
        Path file = folder.resolve(name + ".txt");
        AtomicFiles.write(file, ResultFile.of(result));
        return file;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}

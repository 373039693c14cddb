package org.reluscope.lp.ortools;

import com.google.ortools.Loader;

/**
 * Loads the OR-Tools native library once, on first use, for the whole process.
 *
 * <p>The holder idiom makes the load lazy and thread-safe without locks on the hot path: the
 * JVM runs {@link Holder}'s initialiser exactly once, when {@link #ensureLoaded()} first
 * touches it. A failure is remembered and reported on every later call as the same clear
 * error, rather than as a NoClassDefFoundError from the failed initialiser.
 */
final class NativeLibrary {
    private NativeLibrary() {
    }

    /** Throws IllegalStateException, naming the platform and the cause, when the library cannot be loaded. */
    static void ensureLoaded() {
        Throwable failure = Holder.FAILURE;
        if (failure != null) {
            throw new IllegalStateException("the OR-Tools native library could not be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + failure, failure);
        }
    }

    private static final class Holder {
        static final Throwable FAILURE = load();

        private static Throwable load() {
            try {
                Loader.loadNativeLibraries();
                return null;
            } catch (RuntimeException | LinkageError e) {
                return e;
            }
        }
    }
}

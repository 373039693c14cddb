package org.reluscope.verify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a running verification is doing, written by the {@link Verifier} and read from another
 * thread for progress reports: the current stage and the nodes bounded by the complete searches
 * so far.
 */
public final class ProgressBoard {
    /** A snapshot: {@code seconds} since the board was made, the stage, nodes bounded so far. */
    public record Snapshot(double seconds, String stage, long nodes) {
    }

    private final long start = System.nanoTime();
    private final List<DisjunctSearch.Resumable> searches = new CopyOnWriteArrayList<>();
    private volatile String stage = "starting";

    void stage(String name) {
        stage = name;
    }

    void started(DisjunctSearch.Resumable search) {
        searches.add(search);
    }

    public Snapshot snapshot() {
        long nodes = 0;
        for (DisjunctSearch.Resumable s : searches) {
            nodes += s.nodes();
        }
        return new Snapshot((System.nanoTime() - start) * 1e-9, stage, nodes);
    }
}

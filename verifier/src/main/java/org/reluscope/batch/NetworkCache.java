package org.reluscope.batch;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.reluscope.net.Network;

/**
 * The networks of a batch, each read once: instance lists name a few networks many times
 * (ACAS Xu: 45 networks for 186 instances; mnistfc: one for 30). Thread-safe, so that one
 * cache can serve every task of a process. A file that fails to load is not remembered, and
 * is reported again by each instance naming it. Networks are immutable, so sharing them is safe.
 */
public final class NetworkCache {
    private final Map<Path, Network> networks = new ConcurrentHashMap<>();

    /**
     * The network in {@code file}, read on first use.
     *
     * @throws org.reluscope.BadInputException when the file does not load
     */
    public Network get(Path file) {
        return networks.computeIfAbsent(file.toAbsolutePath().normalize(), InstanceFiles::network);
    }

    /** How many networks are held. */
    public int size() {
        return networks.size();
    }
}

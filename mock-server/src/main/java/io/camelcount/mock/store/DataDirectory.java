package io.camelcount.mock.store;

import io.camelcount.mock.MockState;
import io.camelcount.mock.domain.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The optional data directory ({@code --data-dir}, {@code CountMockServer.Builder.dataDir}): the mock's state
 * survives a restart in its {@code state.json}.
 *
 * <p>When saved: {@link #saveIfChanged()} runs after every request and admin call, before the answer is sent, so
 * that whatever a client has been told (an invoice number, a rotated refresh token) is on disk before it is told.
 * It costs a look at a few counters when nothing changed; when something did, it writes the whole state once, and
 * concurrent requests that changed something meanwhile find their change already written by the one that held the
 * lock (one write serves them all). Changes a test makes through the Java API between requests are saved with the
 * next request, a reset, or at stop.
 *
 * <p>One mock per directory: the directory is locked while a mock uses it, and a second one is refused.
 */
public final class DataDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final String LOCK_NAME = ".lock";

    /** What the last save covered: when nothing of it moved, there is nothing to write. */
    private record Fingerprint(long state, long tokens, Duration clockOffset, Map<UUID, Long> workspaces) {

        static Fingerprint of(MockState state) {
            return new Fingerprint(state.changes(), state.tokens().changes(), state.clock().offset(),
                    state.workspaces().all().stream().collect(Collectors.toMap(Workspace::uuid, Workspace::changes)));
        }
    }

    private final Path directory;
    private final SnapshotFile file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private MockState state;
    private Fingerprint saved;
    private boolean closed;

    private DataDirectory(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.file = new SnapshotFile(directory);
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory when it does not exist, locks it and deletes what a crash may have left behind.
     *
     * @throws IllegalArgumentException naming the directory when it is a file, cannot be created or written, or is in
     *                                  use by another mock (without a cause: the message says it all)
     */
    public static DataDirectory open(Path directory) {
        Path absolute = directory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException notADirectory) {
            throw new IllegalArgumentException("Data directory " + absolute + " is a file, not a directory");
        } catch (IOException cannotCreate) {
            throw new IllegalArgumentException("Cannot create the data directory " + absolute + ": " + cannotCreate);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(absolute.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException cannotLock) {
            throw new IllegalArgumentException("Cannot write in the data directory " + absolute + ": " + cannotLock);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException inUse) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalArgumentException("Data directory " + absolute + " is in use by another mock COUNT;"
                    + " stop that one first or give this one another directory");
        }
        DataDirectory opened = new DataDirectory(absolute, channel, lock);
        try {
            opened.file.deleteLeftover();
        } catch (RuntimeException undeletable) {
            opened.release();
            throw new IllegalArgumentException(undeletable.getMessage());
        }
        return opened;
    }

    /**
     * Puts back the state the directory holds (workspaces, partner apps, tokens and the clock: see
     * {@link ClockSnapshot} for how the clock continues), or, when it holds none yet, saves {@code state} as it
     * starts. From then on {@link #saveIfChanged()} keeps the directory up to date.
     *
     * @return whether a saved state was restored
     * @throws DamagedStateException naming the file, when it cannot be used; the mock must not start then
     */
    public synchronized boolean attach(MockState state) {
        boolean restored = file.read().map(snapshot -> {
            try {
                MockState.Contents contents = snapshot.contents();
                snapshot.clock().restoreInto(state.clock());
                state.restore(contents);
            } catch (RuntimeException inconsistent) {
                throw new DamagedStateException(file.path(), "holds a state the mock cannot rebuild ("
                        + inconsistent.getMessage() + ")", inconsistent);
            }
            return true;
        }).orElse(false);
        // Only now: a damaged file must stay as it is, not be saved over when the failed start closes the directory.
        this.state = state;
        saveIfChanged();
        LOG.info(restored ? "Mock COUNT state restored from {}" : "Mock COUNT state saved to {} from now on", file.path());
        return restored;
    }

    /** Writes the state when anything changed since the last save; when this returns, the state is on disk. */
    public synchronized void saveIfChanged() {
        if (state == null || closed) {
            return;
        }
        Fingerprint now = Fingerprint.of(state);
        if (now.equals(saved)) {
            return;
        }
        // Read before the contents, so that a change made while they are read counts as not yet saved.
        file.write(StateSnapshot.of(state.contents(), ClockSnapshot.of(state.clock())));
        saved = now;
    }

    public Path path() {
        return directory;
    }

    /** Saves what is left to save and unlocks the directory for the next mock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            saveIfChanged();
        } catch (RuntimeException notSaved) {
            LOG.error("The mock's last changes could not be saved to {}", file.path(), notSaved);
        } finally {
            closed = true;
            release();
        }
    }

    private void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock too
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it: the lock file holds nothing
        }
    }
}

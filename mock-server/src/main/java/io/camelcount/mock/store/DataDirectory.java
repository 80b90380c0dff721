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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The optional data directory ({@code --data-dir}, {@code CountMockServer.Builder.dataDir}): the mock's state
 * survives a restart in its {@code state.json}.
 *
 * <p>When saved. The whole state is one file, rewritten atomically, so a save costs time in proportion to what the
 * mock holds (about 1.7 KB per invoice with its audit log). Hence two paces:
 * <ul>
 *   <li>{@link #saveNow()}: after every admin call, reset and seed, and before a partner answer that changed a token
 *       (grant, refresh): when it returns, the change is on disk, so a client is never handed a refresh token that a
 *       crash could take back. Concurrent callers share one write:
 *       whoever writes reads the latest state, and the others find their change already written.</li>
 *   <li>{@link #saveSoon()}: before a partner answer that changed only workspaces (invoices, credits, payments,
 *       emails, the catalogue, templates) or issued an authorisation code (the consent page needs no credentials,
 *       so that a flood of it must not cost a write each): written by a background writer within
 *       {@link #WRITE_BEHIND}, one write for every change meanwhile, so that the answer does not wait for it.</li>
 * </ul>
 * Stopping the mock writes whatever is left; only a crash can lose the changes of the last {@link #WRITE_BEHIND}
 * (never a token). Changes a test makes through the Java API are saved with the next request or at stop.
 *
 * <p>One mock per directory: the directory is locked while a mock uses it, and a second one is refused.
 */
public final class DataDirectory implements AutoCloseable {

    /** How long a workspace change may wait for the background writer. */
    public static final Duration WRITE_BEHIND = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final String LOCK_NAME = ".lock";

    /** What a save covered: when nothing of it moved, there is nothing to write. */
    private record Fingerprint(long state, long tokens, long codes, long webhooks, Duration clockOffset,
                               Map<UUID, Long> workspaces) {

        static Fingerprint of(MockState state) {
            return new Fingerprint(state.changes(), state.tokens().changes(), state.tokens().codesIssued(),
                    state.webhooks().subscriptions().changes(), state.clock().offset(),
                    state.workspaces().all().stream().collect(Collectors.toMap(Workspace::uuid, Workspace::changes)));
        }

        /** Whether the apps, the set of workspaces or the tokens moved since {@code saved}: those cannot wait. */
        boolean urgentAfter(Fingerprint saved) {
            return saved == null || state != saved.state || tokens != saved.tokens;
        }
    }

    private final Path directory;
    private final SnapshotFile file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** One write at a time; it also guards {@link #closed}. */
    private final ReentrantLock writing = new ReentrantLock();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "count-state-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private volatile MockState state;
    /** What the last write covered; written under {@link #writing}. */
    private volatile Fingerprint saved;
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
            if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // Only directories created here: it will hold secrets and tokens (see SnapshotFile).
                Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(absolute);
            }
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
            opened.writer.shutdownNow();
            opened.release();
            throw new IllegalArgumentException(undeletable.getMessage());
        }
        return opened;
    }

    /**
     * Puts back the state the directory holds (workspaces, partner apps, tokens and the clock: see
     * {@link ClockSnapshot} for how the clock continues), or, when it holds none yet, saves {@code state} as it
     * starts. From then on {@link #saveNow()} and {@link #saveSoon()} keep the directory up to date.
     *
     * @return whether a saved state was restored
     * @throws DamagedStateException naming the file, when it cannot be used; the mock must not start then
     */
    public boolean attach(MockState state) {
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
        saveNow();
        LOG.info(restored ? "Mock COUNT state restored from {}" : "Mock COUNT state saved to {} from now on", file.path());
        return restored;
    }

    /** Writes whatever changed since the last save; when this returns, it is on disk. */
    public void saveNow() {
        writing.lock();
        try {
            if (state == null || closed) {
                return;
            }
            // Read before the contents, so that a change made while they are read counts as not yet saved.
            Fingerprint now = Fingerprint.of(state);
            if (now.equals(saved)) {
                return;
            }
            file.write(StateSnapshot.of(state.contents(), ClockSnapshot.of(state.clock())));
            saved = now;
        } finally {
            writing.unlock();
        }
    }

    /**
     * Before a partner answer: a changed token or the like is written now ({@link #saveNow()}); a change to
     * workspaces or the clock alone is left to the background writer, within {@link #WRITE_BEHIND}. Costs a look at
     * a few counters when nothing changed.
     */
    public void saveSoon() {
        MockState current = state;
        if (current == null) {
            return;
        }
        Fingerprint now = Fingerprint.of(current);
        Fingerprint last = saved;
        if (now.equals(last)) {
            return;
        }
        if (now.urgentAfter(last)) {
            saveNow();
        } else if (writeScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::writeBehind, WRITE_BEHIND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                writeScheduled.set(false); // close() writes what is left
            }
        }
    }

    private void writeBehind() {
        writeScheduled.set(false);
        try {
            saveNow();
        } catch (RuntimeException notSaved) {
            // The next change schedules another try; stop tries once more.
            LOG.error("The mock's state could not be saved to {}", file.path(), notSaved);
        }
    }

    public Path path() {
        return directory;
    }

    /** Saves what is left to save and unlocks the directory for the next mock. */
    @Override
    public void close() {
        writer.shutdownNow();
        writing.lock();
        try {
            if (closed) {
                return;
            }
            try {
                saveNow();
            } catch (RuntimeException notSaved) {
                LOG.error("The mock's last changes could not be saved to {}", file.path(), notSaved);
            }
            closed = true;
            release();
        } finally {
            writing.unlock();
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

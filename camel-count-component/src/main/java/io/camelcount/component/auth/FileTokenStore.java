package io.camelcount.component.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.camelcount.component.json.CountJson;

/**
 * A {@link TokenStore} in one JSON file, safe to share between threads and between processes on one machine.
 * <ul>
 *     <li><b>Format:</b> {@code {"version":1,"tokens":{"<key>":{"accessToken":…,"refreshToken":…,
 *     "accessTokenExpiresAt":"<ISO-8601>","refreshTokenExpiresAt":"<ISO-8601>"}}}}; one file may hold several keys.
 *     Expiry instants are omitted when unknown.</li>
 *     <li><b>Atomic, durable writes:</b> a save writes a temporary file in the same directory, forces it to disk,
 *     and moves it over the token file with {@code ATOMIC_MOVE}; then the directory is forced to disk where the
 *     platform allows it. A reader sees the old file or the new one, never a half-written one, and a crash leaves at
 *     worst a stray {@code .<name>.*.tmp} file behind.</li>
 *     <li><b>Owner-only permissions:</b> on file systems with POSIX permissions the token file and its lock file are
 *     created {@code rw-------}. On other file systems (Windows) they inherit the directory's permissions: put the
 *     file in a directory only the application's user can read.</li>
 *     <li><b>Locking:</b> {@link #lock(String)} takes a JVM lock and an exclusive {@link FileChannel#lock() file lock}
 *     on the sibling file {@code <file>.lock}, so two processes using the same file exclude each other (the file
 *     lock is advisory: it excludes processes that use this class, not other programs). The lock covers the whole
 *     file, not just the key. {@link #save(String, TokenPair)} takes the same lock (reentrantly) for its
 *     read-modify-write, so saves of different keys from different processes never lose each other. The lock file
 *     is left in place on purpose.</li>
 *     <li><b>Corruption:</b> a file that cannot be read as a token file makes {@link #load(String)} and
 *     {@link #save(String, TokenPair)} throw a {@link TokenStoreException} naming the file and the fix; it is never
 *     taken as an empty store and never overwritten.</li>
 * </ul>
 * The directory is created if missing (with default permissions). Any number of instances may use the same path:
 * they share their JVM locks.
 */
public final class FileTokenStore implements TokenStore {

    private static final int VERSION = 1;
    private static final ObjectMapper MAPPER = tokenFileMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** One lock state per lock file in this JVM, shared by every instance on the same path. */
    private static final ConcurrentMap<Path, FileLockState> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path directory;
    private final Path lockFile;

    /**
     * @param file the token file; need not exist yet. Its directory is created if missing.
     * @throws TokenStoreException if the directory cannot be created or resolved
     */
    public FileTokenStore(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("The token file path " + file + " does not name a file");
        }
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            this.directory = parent.toRealPath();
        } catch (IOException e) {
            throw new TokenStoreException("Could not create the directory of the token file " + absolute + ": " + e, e);
        }
        this.file = directory.resolve(absolute.getFileName());
        this.lockFile = directory.resolve(absolute.getFileName() + ".lock");
    }

    /** The token file (absolute, with the directory's real path). */
    public Path file() {
        return file;
    }

    /** The sibling file that {@link #lock(String)} locks. */
    public Path lockFile() {
        return lockFile;
    }

    /**
     * Reads the file (without locking: writes are atomic). A missing file is an empty store.
     *
     * @throws TokenStoreException if the file exists but cannot be read or is not a valid token file
     */
    @Override
    public Optional<TokenPair> load(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(readAll().get(key));
    }

    /**
     * Replaces the pair under {@code key}, keeping the file's other keys, atomically and durably.
     *
     * @throws TokenStoreException if the file cannot be read or written; the file is then unchanged
     */
    @Override
    public void save(String key, TokenPair pair) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pair, "pair");
        try (Lock ignored = lock(key)) {
            Map<String, TokenPair> all = readAll();
            all.put(key, pair);
            writeAtomically(render(all));
        }
    }

    /**
     * Excludes every other holder of this file's lock, in this JVM and in other processes, whatever their key.
     * Reentrant within a thread.
     *
     * @throws TokenStoreException if the lock file cannot be opened or locked
     */
    @Override
    public Lock lock(String key) {
        return LOCKS.computeIfAbsent(lockFile, FileLockState::new).acquire();
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }

    /** Stores on one file are one store: they read and write the same tokens under the same locks. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileTokenStore store && store.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    // ---------------------------------------------------------------------------------------------- reading

    private Map<String, TokenPair> readAll() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (IOException e) {
            throw new TokenStoreException("Could not read the token file " + file + ": " + e
                    + ". Check that it is a readable file owned by the user this application runs as.", e);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw corrupt("it is empty");
        }
        TokenFile stored;
        try {
            stored = MAPPER.readerFor(TokenFile.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(bytes);
        } catch (JsonMappingException e) {
            // Not Jackson's own message, nor the cause: both may quote the file's content, which holds tokens.
            throw corrupt(e.getPath().isEmpty() ? "it does not hold a JSON object"
                    : "its " + path(e) + " is not what a token file holds there");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw corrupt("it is not valid JSON" + (at == null ? ""
                    : " (error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new TokenStoreException("Could not read the token file " + file + ": " + e, e);
        }
        if (stored == null) {
            throw corrupt("it does not hold a JSON object");
        }
        JsonNode version = stored.version;
        if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.asInt() <= VERSION)) {
            throw new TokenStoreException("The token file " + file + " has format version " + version
                    + ", which this version of camel-count cannot read (it reads version " + VERSION
                    + "). It was probably written by a newer camel-count: use that version, or restore a backup.");
        }
        Map<String, TokenPair> pairs = new LinkedHashMap<>();
        if (stored.tokens != null) {
            stored.tokens.forEach((key, pair) -> pairs.put(key, pair(key, pair)));
        }
        return pairs;
    }

    /** Where in the file a mapping failed, by field names and keys (never values): {@code tokens.k.refreshToken}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private TokenPair pair(String key, StoredPair stored) {
        String where = "the entry for key \"" + key + "\"";
        if (stored == null) {
            throw corrupt(where + " is not a JSON object");
        }
        if (stored.refreshToken == null) {
            throw corrupt(where + " has no \"refreshToken\"");
        }
        nonBlank(where, "accessToken", stored.accessToken);
        nonBlank(where, "refreshToken", stored.refreshToken);
        return new TokenPair(stored.accessToken, stored.refreshToken, stored.accessTokenExpiresAt,
                stored.refreshTokenExpiresAt);
    }

    private void nonBlank(String where, String field, String token) {
        if (token != null && token.isBlank()) {
            throw corrupt(where + " has a \"" + field + "\" that is not a non-blank string");
        }
    }

    private TokenStoreException corrupt(String problem) {
        return new TokenStoreException("The token file " + file + " is corrupt: " + problem
                + ". It was not used, so that no token pair is silently lost. To fix it, restore the file from a backup;"
                + " or, if there is none, move it aside and authorise the application again (OAuth authorization code"
                + " flow), then give the new token pair to the component.");
    }

    // ---------------------------------------------------------------------------------------------- writing

    private byte[] render(Map<String, TokenPair> pairs) {
        TokenFile content = new TokenFile();
        content.version = IntNode.valueOf(VERSION);
        content.tokens = new LinkedHashMap<>();
        pairs.forEach((key, pair) -> content.tokens.put(key, new StoredPair(pair)));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new TokenStoreException("Could not render the token file " + file, e);
        }
    }

    /** The token file as Jackson binds it: the format version and the token pairs by key. */
    private static final class TokenFile {
        private JsonNode version;
        private Map<String, StoredPair> tokens;
    }

    /** One pair as the file holds it; absent fields are left out. */
    private static final class StoredPair {
        private String accessToken;
        private String refreshToken;
        private Instant accessTokenExpiresAt;
        private Instant refreshTokenExpiresAt;

        private StoredPair() {
        }

        private StoredPair(TokenPair pair) {
            accessToken = pair.accessToken();
            refreshToken = pair.refreshToken();
            accessTokenExpiresAt = pair.accessTokenExpiresAt();
            refreshTokenExpiresAt = pair.refreshTokenExpiresAt();
        }
    }

    private void writeAtomically(byte[] content) {
        Path temp = null;
        try {
            temp = POSIX
                    ? Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp", ownerOnly())
                    : Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (AtomicMoveNotSupportedException e) {
            throw new TokenStoreException("Could not write the token file " + file + ": its file system cannot replace"
                    + " a file atomically. Put the token file on a local file system.", e);
        } catch (IOException e) {
            throw new TokenStoreException("Could not write the token file " + file + ": " + e
                    + ". Check the free space and that the directory is writable by the user this application runs as.",
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray temp file holds no more than the token file does
                }
            }
        }
        forceDirectory();
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux, macOS); best effort. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows and some file systems cannot open or sync a directory; the file itself is already synced
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    /** The component's mapping, except that a token must be a JSON string: a number is not coerced into one. */
    private static ObjectMapper tokenFileMapper() {
        ObjectMapper mapper = CountJson.mapper().copy();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    // ---------------------------------------------------------------------------------------------- locking

    /**
     * The JVM side of one lock file: a reentrant lock, and while it is held (outermost hold only) an open channel
     * with an exclusive file lock. File locks belong to the whole JVM, so a second channel in the same JVM must never
     * try to lock the file: the JVM lock guarantees that.
     */
    private static final class FileLockState {

        private final Path lockFile;
        private final ReentrantLock jvmLock = new ReentrantLock(true);
        private FileChannel channel; // guarded by jvmLock
        private FileLock fileLock;   // guarded by jvmLock

        FileLockState(Path lockFile) {
            this.lockFile = lockFile;
        }

        Lock acquire() {
            jvmLock.lock();
            if (jvmLock.getHoldCount() == 1) {
                try {
                    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    channel = POSIX ? FileChannel.open(lockFile, options, ownerOnly()) : FileChannel.open(lockFile, options);
                    fileLock = channel.lock();
                } catch (IOException | RuntimeException e) {
                    closeQuietly();
                    jvmLock.unlock();
                    if (Thread.currentThread().isInterrupted() || e instanceof java.nio.channels.ClosedByInterruptException) {
                        Thread.currentThread().interrupt();
                    }
                    throw new TokenStoreException("Could not lock the token lock file " + lockFile + ": " + e, e);
                }
            }
            return Lock.releasedBy(this::release);
        }

        private void release() {
            try {
                if (jvmLock.getHoldCount() == 1) {
                    closeQuietly();
                }
            } finally {
                jvmLock.unlock();
            }
        }

        private void closeQuietly() {
            try {
                if (fileLock != null && fileLock.isValid()) {
                    fileLock.release();
                }
            } catch (IOException ignored) {
                // closing the channel below releases it as well
            }
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // nothing left to release
            }
            fileLock = null;
            channel = null;
        }
    }
}

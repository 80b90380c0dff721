package io.camelcount.mock.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one file that holds the mock's state, written whole and atomically: into a temporary file beside it, forced to
 * the disk, then moved over it in one step, so that a reader (or the mock after a crash) finds either the old
 * state or the new one, never half of either. A crash may leave the temporary file behind; the next start deletes
 * it, since the state file itself is whole.
 */
final class SnapshotFile {

    static final String NAME = "state.json";
    static final String TEMPORARY_NAME = NAME + ".tmp";

    /**
     * Compact, because the whole file is written on every save (pipe it through {@code jq} to read it). Strict when
     * reading: an unknown field, a missing one or a null where a number belongs means the file is not ours or damaged.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Only the version, read first, so that a file of another version is named as such rather than as damaged. */
    private record VersionProbe(Integer version) {
    }

    private final Path file;
    private final Path temporary;
    private final boolean posix;

    SnapshotFile(Path directory) {
        this.file = directory.resolve(NAME);
        this.temporary = directory.resolve(TEMPORARY_NAME);
        this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    Path path() {
        return file;
    }

    /**
     * @return empty when there is no state file yet
     * @throws DamagedStateException when the file is unreadable, not whole JSON, of an unknown version or not the
     *                               mock's state
     */
    Optional<StateSnapshot> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException unreadable) {
            throw new DamagedStateException(file, "cannot be read (" + unreadable + ")", unreadable);
        }
        if (bytes.length == 0) {
            throw new DamagedStateException(file, "is empty");
        }
        VersionProbe probe;
        try {
            probe = JSON.readerFor(VersionProbe.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).readValue(bytes);
        } catch (IOException notJson) {
            throw new DamagedStateException(file, "is not whole JSON (" + problem(notJson)
                    + "); it may have been cut short or edited", notJson);
        }
        if (probe.version() == null) {
            throw new DamagedStateException(file, "has no \"version\" field, so it is not a state file of the mock");
        }
        if (probe.version() != StateSnapshot.VERSION) {
            throw new DamagedStateException(file, "has format version " + probe.version() + ", but this mock reads"
                    + " version " + StateSnapshot.VERSION + " only (a file written by another release of the mock)");
        }
        try {
            return Optional.of(JSON.readValue(bytes, StateSnapshot.class));
        } catch (IOException wrongShape) {
            throw new DamagedStateException(file, "does not hold the mock's state (" + problem(wrongShape) + ")",
                    wrongShape);
        }
    }

    /** Replaces the file with {@code snapshot} in one step. */
    void write(StateSnapshot snapshot) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(snapshot);
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException("Cannot write the mock's state as JSON: " + bug.getOriginalMessage(), bug);
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.<OpenOption>of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), permissions())) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            throw new StateNotSavedException("Cannot save the mock's state to " + file.toAbsolutePath() + ": " + failed,
                    failed);
        }
    }

    /** A temporary file a crash left behind: never the state, which the move had not replaced yet. */
    void deleteLeftover() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException undeletable) {
            throw new UncheckedIOException("Cannot delete the leftover " + temporary.toAbsolutePath() + ": " + undeletable,
                    undeletable);
        }
    }

    /** Readable by the owner only where the file system says who owns what: the file holds secrets and tokens. */
    private FileAttribute<?>[] permissions() {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Jackson's message without its source dump, with where in the file it stopped. */
    private static String problem(IOException failure) {
        if (failure instanceof JacksonException jackson) {
            JsonLocation at = jackson.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String path = failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? " in " + mapping.getPath().stream().map(SnapshotFile::step).collect(Collectors.joining())
                    : "";
            return jackson.getOriginalMessage().lines().findFirst().orElse("") + path + where;
        }
        return failure.toString();
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }
}

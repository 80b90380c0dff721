package io.camelcount.mock.store;

import java.nio.file.Path;

/**
 * A file of the data directory that the mock cannot use: its message names the file, says what is wrong and what
 * to do, because the mock refuses to start on it rather than start empty and lose what it held.
 */
public final class DamagedStateException extends IllegalStateException {

    DamagedStateException(Path file, String problem) {
        super("Data directory file " + file.toAbsolutePath() + " " + problem + ". The mock does not start on it, so"
                + " that nothing it holds is lost: restore the file from a copy, or move it away to start afresh"
                + " from the seed.");
    }

    DamagedStateException(Path file, String problem, Throwable cause) {
        this(file, problem);
        initCause(cause);
    }
}

package io.camelcount.mock.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** COUNT IDs are canonical UUID strings; {@link UUID#fromString} alone would also take "1-2-3-4-5". */
final class Uuids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static Optional<UUID> parse(String text) {
        return CANONICAL.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}

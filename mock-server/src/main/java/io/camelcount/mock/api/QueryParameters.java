package io.camelcount.mock.api;

import io.camelcount.mock.domain.DomainException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query string of a list request, read parameter by parameter. An absent or empty parameter reads as
 * null; a malformed one is a 400 that names it. Parameters nobody asks for are ignored, as COUNT does.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int LARGEST_LIMIT = 100;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParameters of(String url) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = url.indexOf('?');
        if (start >= 0) {
            for (String pair : url.substring(start + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    /**
     * The mock's request guard already refuses a query with a malformed escape before WireMock reads it; this
     * check keeps the answer a 400 for any caller that reaches the API another way.
     */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw DomainException.validation("query", "The query string has a malformed %-escape in \""
                    + abbreviated(text) + "\"; write a literal % as %25 and escape other bytes as %XX in hex.");
        }
    }

    /** Enough of a hostile value to find it, without echoing megabytes back. */
    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    /** A single value; the same parameter twice with different values is ambiguous, so refused. */
    String text(String name) {
        List<String> given = values.getOrDefault(name, List.of()).stream().filter(value -> !value.isEmpty()).distinct().toList();
        if (given.size() > 1) {
            throw DomainException.validation(name, name + " was given " + given.size() + " different values; send it once");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** {@code page} from 1, default 1, and {@code limit} from 1 to 100, default 20 (contract §2). */
    Paging paging() {
        return new Paging(wholeNumber("page", 1, Integer.MAX_VALUE, 1),
                wholeNumber("limit", 1, LARGEST_LIMIT, DEFAULT_LIMIT));
    }

    private int wholeNumber(String name, int smallest, int largest, int absent) {
        String text = text(name);
        if (text == null) {
            return absent;
        }
        if (!WHOLE_NUMBER.matcher(text).matches() || Integer.parseInt(text) < smallest || Integer.parseInt(text) > largest) {
            throw DomainException.validation(name, name + " must be a whole number from " + smallest
                    + (largest == Integer.MAX_VALUE ? " up" : " to " + largest) + ", got \"" + text + "\"");
        }
        return Integer.parseInt(text);
    }

    Boolean bool(String name) {
        return choice(name, text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        }, "true or false");
    }

    UUID uuid(String name) {
        return choice(name, Uuids::parse, "a UUID");
    }

    Set<UUID> uuids(String name) {
        return choices(name, Uuids::parse, "UUIDs");
    }

    LocalDate date(String name) {
        return choice(name, IsoDay::parse, "a date as YYYY-MM-DD");
    }

    /** One value from a fixed set; {@code allowed} describes the set for the error message. */
    <T> T choice(String name, Function<String, Optional<T>> parser, String allowed) {
        String text = text(name);
        return text == null ? null : parser.apply(text).orElseThrow(() -> DomainException.validation(name,
                name + " must be " + allowed + ", got \"" + text + "\""));
    }

    /** A comma-separated list (the parameter may also be repeated); null when absent. */
    <T> Set<T> choices(String name, Function<String, Optional<T>> parser, String allowed) {
        Set<T> chosen = new LinkedHashSet<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String element : value.split(",")) {
                String text = element.trim();
                if (!text.isEmpty()) {
                    chosen.add(parser.apply(text).orElseThrow(() -> DomainException.validation(name,
                            name + " must be a comma-separated list of " + allowed + ", got \"" + text + "\"")));
                }
            }
        }
        return chosen.isEmpty() ? null : chosen;
    }
}

package io.camelcount.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.camelcount.mock.api.NumericString;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A call to the admin API: its JSON body read field by field, each getter refusing a wrong value
 * with a 400 that names the field. Unknown fields are refused too, so that a typo in a test's setup
 * fails loudly instead of being ignored.
 */
final class AdminRequest {

    private final Request http;
    private final JsonNode body;

    private AdminRequest(Request http, JsonNode body) {
        this.http = http;
        this.body = body;
    }

    static AdminRequest of(Request http) {
        return new AdminRequest(http, null);
    }

    byte[] rawBody() {
        return http.getBody() == null ? new byte[0] : http.getBody();
    }

    /** The body as a JSON object with only {@code allowed} fields; an empty body reads as {@code {}}. */
    AdminRequest json(Set<String> allowed) {
        JsonNode parsed;
        if (rawBody().length == 0) {
            parsed = JsonNodeFactory.instance.objectNode();
        } else {
            try {
                parsed = JavaScriptJson.parse(rawBody());
            } catch (InvalidJsonException e) {
                throw DomainException.validation("body", "The request body is not valid JSON: " + e.getMessage());
            }
        }
        if (!parsed.isObject()) {
            throw DomainException.validation("body", "The request body must be a JSON object.");
        }
        for (Iterator<String> names = parsed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw DomainException.validation(name, "Unknown field " + name + "; expected one of " + allowed);
            }
        }
        return new AdminRequest(http, parsed);
    }

    boolean has(String name) {
        return body.hasNonNull(name);
    }

    /** Whether the field was sent at all, even as {@code null}. */
    boolean sent(String name) {
        return body.has(name);
    }

    Optional<String> text(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw DomainException.validation(name, name + " must be a non-empty string");
        }
        return Optional.of(value.textValue());
    }

    Optional<Long> integer(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw DomainException.validation(name, name + " must be a whole number");
        }
        return Optional.of(value.longValue());
    }

    Optional<Double> number(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw DomainException.validation(name, name + " must be a number");
        }
        return Optional.of(value.doubleValue());
    }

    /** Money: read as written, never through a double; a numeric string ({@code "120.00"}) too, as COUNT takes it. */
    Optional<BigDecimal> decimal(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<BigDecimal> read = value.isNumber() ? Optional.of(new BigDecimal(value.asText()))
                : value.isTextual() ? NumericString.parse(value.textValue()) : Optional.empty();
        return Optional.of(read.orElseThrow(() -> DomainException.validation(name,
                name + " must be a number or a numeric string such as \"120.00\"")));
    }

    Optional<UUID> uuid(String name) {
        return text(name).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notAUuid) {
                throw DomainException.validation(name, name + " must be a UUID");
            }
        });
    }

    Optional<Instant> instant(String name) {
        return text(name).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                throw DomainException.validation(name, name + " must be an ISO-8601 instant such as 2026-11-24T09:00:00Z");
            }
        });
    }

    Optional<Duration> duration(String name) {
        return text(name).map(text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException notADuration) {
                throw DomainException.validation(name, name + " must be an ISO-8601 duration such as PT90S, PT2H or P3D");
            }
        });
    }

    Optional<String> query(String name) {
        QueryParameter parameter = http.queryParameter(name);
        return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }
}

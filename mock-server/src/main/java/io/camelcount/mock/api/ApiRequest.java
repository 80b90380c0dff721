package io.camelcount.mock.api;

import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Workspace;

import java.util.Map;
import java.util.UUID;

/** A routed, authenticated partner request: its path parameters, body and the caller's workspace. */
public record ApiRequest(Map<String, String> pathParameters, byte[] body, Workspace workspace) {

    /** A path segment such as {@code {uuid}}; a value that is not a UUID is a 400 naming it. */
    UUID uuidParameter(String name) {
        String value = pathParameters.get(name);
        return Uuids.parse(value).orElseThrow(() -> DomainException.validation(name,
                "The " + name + " in the path must be a UUID, got \"" + value + "\""));
    }

    /** The body as a JSON object; {@code required} refuses an empty body instead of reading it as {@code {}}. */
    JsonBody json(boolean required) {
        return JsonBody.parse(body, required);
    }
}

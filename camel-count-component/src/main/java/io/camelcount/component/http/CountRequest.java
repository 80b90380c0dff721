package io.camelcount.component.http;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.json.CountJson;

/**
 * One HTTP call to COUNT.
 *
 * @param operation what the call is for, as users name it ({@code invoices/send}); used in errors
 * @param method    the HTTP method
 * @param path      the path below the base URL, starting with {@code /partners}, with its query string
 * @param content   what the request carries, or {@code null} for no body
 */
public record CountRequest(String operation, String method, String path, RequestContent content) {

    /** The same list request for another page. */
    public CountRequest onPage(int page) {
        int query = path.indexOf('?');
        String base = query < 0 ? path : path.substring(0, query);
        String others = query < 0 ? "" : Arrays.stream(path.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.isEmpty() && !parameter.startsWith("page="))
                .map(parameter -> "&" + parameter)
                .collect(Collectors.joining());
        return new CountRequest(operation, method, base + "?page=" + page + others, content);
    }

    /** A whole-number query parameter of the request, or {@code whenAbsent} when the request does not carry it. */
    Integer queryNumber(String name, Integer whenAbsent) {
        int query = path.indexOf('?');
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                if (parameter.startsWith(name + "=") && parameter.substring(name.length() + 1).matches("\\d{1,9}")) {
                    return Integer.valueOf(parameter.substring(name.length() + 1));
                }
            }
        }
        return whenAbsent;
    }

    /** A text field of the JSON body; {@code null} when there is no JSON body or the field is absent or blank. */
    public String jsonField(String name) {
        if (!(content instanceof RequestContent.Json json)) {
            return null;
        }
        try {
            JsonNode value = CountJson.parse(json.bytes()).get(name);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** The bytes the signature hashes: the JSON body; nothing for no body or a multipart upload (contract §1.1). */
    byte[] signedBody() {
        return content instanceof RequestContent.Json json ? json.bytes() : null;
    }
}

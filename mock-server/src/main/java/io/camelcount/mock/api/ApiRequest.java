package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import io.camelcount.mock.auth.SignedBody;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.UploadedDocument;
import io.camelcount.mock.domain.Workspace;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A routed, authenticated partner request: its path parameters, the HTTP request and the caller's workspace. */
public record ApiRequest(Map<String, String> pathParameters, Request http, Workspace workspace) {

    /** Far above any real invoice, and low enough that a runaway client cannot make the mock parse megabytes. */
    static final int LARGEST_JSON_BODY = 1024 * 1024;
    private static final String DOCUMENTS_PART = "documents";

    /** A path segment such as {@code {uuid}}; a value that is not a UUID is a 400 naming it. */
    UUID uuidParameter(String name) {
        String value = pathParameters.get(name);
        return Uuids.parse(value).orElseThrow(() -> DomainException.validation(name,
                "The " + name + " in the path must be a UUID, got \"" + value + "\""));
    }

    /** The body as a JSON object; {@code required} refuses an empty body instead of reading it as {@code {}}. */
    JsonBody json(boolean required) {
        if (SignedBody.declaresMultipart(http.getHeader("Content-Type"))) {
            throw DomainException.validation("Content-Type", "This route takes a JSON body, sent as application/json;"
                    + " multipart/form-data is accepted only by POST " + SignedBody.UPLOAD_ROUTE + ".");
        }
        byte[] body = http.getBody() == null ? new byte[0] : http.getBody();
        if (body.length > LARGEST_JSON_BODY) {
            throw DomainException.tooLarge("body", "The request body is " + body.length + " bytes; JSON bodies may be"
                    + " at most " + LARGEST_JSON_BODY + " bytes");
        }
        return JsonBody.parse(body, required);
    }

    QueryParameters query() {
        return QueryParameters.of(http.getUrl());
    }

    /** The authentication filter has checked {@code x-client-id} against the signature, so it names the calling app. */
    String clientId() {
        return http.getHeader("x-client-id");
    }

    Actor actor() {
        return Actor.partner(clientId());
    }

    /** The mock's address as the caller reached it, for links the caller (or its customer) will follow. */
    String baseUrl() {
        return http.getScheme() + "://" + http.getHost() + ":" + http.getPort();
    }

    /** The files of a multipart upload: its parts named {@code documents}; other parts are ignored. */
    List<UploadedDocument> documents() {
        if (!http.isMultipart()) {
            throw DomainException.validation(DOCUMENTS_PART, "Send the files as multipart/form-data, one part named \""
                    + DOCUMENTS_PART + "\" per file");
        }
        Collection<Request.Part> parts;
        try {
            parts = http.getParts();
        } catch (RuntimeException malformed) {
            throw DomainException.validation(DOCUMENTS_PART, "The multipart/form-data body could not be read: "
                    + malformed.getMessage());
        }
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(part -> DOCUMENTS_PART.equals(part.getName()))
                .map(part -> new UploadedDocument(part.getFileName() == null ? DOCUMENTS_PART : part.getFileName(),
                        contentType(part), part.getBody().asBytes()))
                .toList();
    }

    private static String contentType(Request.Part part) {
        HttpHeader header = part.getHeader("Content-Type");
        return header != null && header.isPresent() ? header.firstValue() : "application/octet-stream";
    }
}

package io.camelcount.component;

import java.io.File;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperation.RequiredField;
import io.camelcount.component.http.RequestContent;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.json.JavaScriptJson;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;

/**
 * Turns the message body into what the operation sends: JavaScript-canonical JSON, files, or nothing.
 * Everything COUNT would refuse is refused here first, before anything is sent.
 */
final class RequestBodies {

    /** COUNT's limits on uploads (contract §3). */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 10;

    private RequestBodies() {
    }

    static RequestContent of(CountOperation operation, Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        return switch (operation.requestBody()) {
            case NONE -> null;
            // A COUNT object here is the previous step's result flowing down the route, not this call's input.
            case OPTIONAL -> isEmpty(body) || body.getClass() == operation.resultType() ? null : json(operation, body);
            case REQUIRED -> {
                if (isEmpty(body)) {
                    throw CountValidationException.beforeSending(operation.toString(), "body",
                            operation + " needs a message body: a " + operation.resultType().getSimpleName()
                                    + ", a Map or JSON text");
                }
                yield json(operation, body);
            }
            case FILES -> files(operation, exchange, body);
        };
    }

    private static RequestContent.Json json(CountOperation operation, Object body) {
        JsonNode tree;
        try {
            tree = CountJson.toTree(body);
        } catch (IllegalArgumentException e) {
            throw CountValidationException.beforeSending(operation.toString(), "body", e.getMessage());
        }
        if (!tree.isObject()) {
            throw CountValidationException.beforeSending(operation.toString(), "body",
                    "the body must be a JSON object, not " + tree.getNodeType().name().toLowerCase());
        }
        for (RequiredField field : operation.requiredFields()) {
            if (field.names().stream().allMatch(name -> isMissing(tree.get(name)))) {
                String aliases = field.aliases().stream().map(alias -> " (or '" + alias + "')").collect(Collectors.joining());
                throw CountValidationException.beforeSending(operation.toString(), field.name(),
                        "the field '" + field.name() + "'" + aliases + " is required and missing or empty");
            }
        }
        try {
            return new RequestContent.Json(JavaScriptJson.write(withImpliedFields(operation, (ObjectNode) tree))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw CountValidationException.beforeSending(operation.toString(), "body", e.getMessage());
        }
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isNull() || value.isContainerNode() && value.isEmpty()
               || value.isTextual() && value.asText().isBlank();
    }

    /** The fields the operation implies first, as COUNT documents the body, unless the message set them itself. */
    private static JsonNode withImpliedFields(CountOperation operation, ObjectNode body) {
        if (operation.impliedFields().keySet().stream().allMatch(body::has)) {
            return body;
        }
        ObjectNode filled = body.objectNode();
        operation.impliedFields().forEach((field, value) -> {
            if (!body.has(field)) {
                filled.put(field, value);
            }
        });
        return filled.setAll(body);
    }

    private static RequestContent.Files files(CountOperation operation, Exchange exchange, Object body) {
        if (isEmpty(body)) {
            throw CountValidationException.beforeSending(operation.toString(), "body",
                    operation + " needs the file to upload in the message body: a File, a Path, bytes or a stream");
        }
        List<Object> files = body instanceof Collection<?> many ? new ArrayList<>(many) : List.of(body);
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw CountValidationException.beforeSending(operation.toString(), "body",
                    operation + " takes 1 to " + MAX_FILES + " files, not " + files.size());
        }
        List<RequestContent.FilePart> parts = new ArrayList<>();
        for (Object file : files) {
            byte[] bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, file);
            if (bytes == null) {
                throw CountValidationException.beforeSending(operation.toString(), "body",
                        "a " + file.getClass().getName() + " cannot be uploaded: send a File, a Path, bytes or a stream");
            }
            String name = fileName(exchange, file, files.size() == 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw CountValidationException.beforeSending(operation.toString(), "body",
                        "the file " + name + " is " + bytes.length + " bytes; COUNT takes at most " + MAX_FILE_BYTES
                                + " bytes (10 MiB) per file");
            }
            parts.add(new RequestContent.FilePart(name, contentType(exchange, name, files.size() == 1), bytes));
        }
        return new RequestContent.Files(List.copyOf(parts));
    }

    private static String fileName(Exchange exchange, Object file, boolean only) {
        String name = only ? exchange.getMessage().getHeader(CountConstants.FILE_NAME, String.class) : null;
        if (name == null && file instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File onDisk) {
            name = onDisk.getName();
        }
        if (name == null && file instanceof File onDisk) {
            name = onDisk.getName();
        }
        if (name == null && file instanceof Path path) {
            name = path.getFileName().toString();
        }
        if (name == null && only) {
            name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        return name != null ? name : "attachment";
    }

    private static String contentType(Exchange exchange, String fileName, boolean only) {
        String type = only ? exchange.getMessage().getHeader(CountConstants.CONTENT_TYPE, String.class) : null;
        if (type == null) {
            type = URLConnection.guessContentTypeFromName(fileName);
        }
        return type != null ? type : "application/octet-stream";
    }

    private static boolean isEmpty(Object body) {
        return body == null || body instanceof CharSequence text && text.toString().isBlank();
    }
}

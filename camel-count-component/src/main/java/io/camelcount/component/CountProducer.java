package io.camelcount.component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.http.CountRequest;
import io.camelcount.component.http.CountResponse;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.json.JavaScriptJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Makes one COUNT call per exchange, as the endpoint's row of the operation table describes it.
 */
public class CountProducer extends DefaultProducer {

    private static final String PARTNERS = "/partners";

    public CountProducer(CountEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public CountEndpoint getEndpoint() {
        return (CountEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        CountEndpoint endpoint = getEndpoint();
        CountOperation operation = endpoint.operation();
        Message message = exchange.getMessage();
        Object body = message.getBody();

        String uuid = operation.needsUuid() ? targetUuid(operation, message, body) : null;
        CountRequest request = new CountRequest(operation.toString(), operation.method(),
                PARTNERS + operation.path(uuid), requestBody(operation, body));
        CountResponse response = endpoint.getComponent().httpClient()
                .send(endpoint.baseUrl(), endpoint.credentials(), request);

        JsonNode resource = unwrap(response.data(), operation.resultType());
        message.setBody(CountJson.convert(resource, operation.resultType()));
        message.setHeader(CountConstants.REQUEST_ID, response.requestId());
        JsonNode status = resource.get("status");
        message.setHeader(CountConstants.STATUS, status != null && status.isTextual() ? status.asText() : null);
    }

    /** Header, then the uuid option, then the UUID of a COUNT object in the body (the previous step's result). */
    private String targetUuid(CountOperation operation, Message message, Object body) {
        String uuid = message.getHeader(CountConstants.UUID, String.class);
        String source = "header " + CountConstants.UUID;
        if (uuid == null) {
            uuid = getEndpoint().getConfiguration().getUuid();
            source = "option uuid";
        }
        if (uuid == null && operation.resultType().isInstance(body)) {
            JsonNode fromBody = CountJson.mapper().valueToTree(body).get("uuid");
            uuid = fromBody == null || fromBody.isNull() ? null : fromBody.asText();
            source = "body's uuid";
        }
        if (uuid == null || uuid.isBlank()) {
            throw CountValidationException.beforeSending(operation.toString(), CountConstants.UUID,
                    operation + " needs the UUID of its target: set the header " + CountConstants.UUID
                                                                                   + " or the endpoint option uuid");
        }
        try {
            UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            throw CountValidationException.beforeSending(operation.toString(), CountConstants.UUID,
                    "the " + source + " is '" + uuid + "', which is not a UUID; COUNT identifies everything by UUID");
        }
        return uuid;
    }

    private byte[] requestBody(CountOperation operation, Object body) {
        switch (operation.requestBody()) {
            case NONE:
                return null;
            case OPTIONAL:
                // A COUNT object here is the previous step's result flowing down the route, not this call's input.
                if (isEmpty(body) || operation.resultType().isInstance(body)) {
                    return null;
                }
                return canonical(operation, body);
            default:
                if (isEmpty(body)) {
                    throw CountValidationException.beforeSending(operation.toString(), "body",
                            operation + " needs a message body: a " + operation.resultType().getSimpleName()
                                                                             + ", a Map or JSON text");
                }
                return canonical(operation, body);
        }
    }

    private static byte[] canonical(CountOperation operation, Object body) {
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
        for (String field : operation.requiredFields()) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull() || value.isContainerNode() && value.isEmpty()
                || value.isTextual() && value.asText().isBlank()) {
                throw CountValidationException.beforeSending(operation.toString(), field,
                        "the field '" + field + "' is required and missing or empty");
            }
        }
        try {
            return JavaScriptJson.write(tree).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CountValidationException.beforeSending(operation.toString(), "body", e.getMessage());
        }
    }

    private static boolean isEmpty(Object body) {
        return body == null || body instanceof CharSequence text && text.toString().isBlank();
    }

    /** Some live routes wrap the object under its resource name ({@code data.invoice}); read both forms. */
    private static JsonNode unwrap(JsonNode data, Class<?> resultType) {
        String simpleName = resultType.getSimpleName();
        String resourceName = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        JsonNode wrapped = data.get(resourceName);
        return wrapped != null && wrapped.isObject() ? wrapped : data;
    }
}

package io.camelcount.component.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.camelcount.component.model.Invoice;

/**
 * The operation table: every call the component can make, one row each. Adding an operation is
 * adding a row; the producer reads the row and never branches on the operation's name.
 */
public enum CountOperation {

    INVOICES_CREATE("invoices", "create", "POST", "/invoices", RequestBody.REQUIRED, Invoice.class,
            "customerUuid", "date", "products"),
    INVOICES_GET("invoices", "get", "GET", "/invoices/{uuid}", RequestBody.NONE, Invoice.class),
    INVOICES_APPROVE("invoices", "approve", "PATCH", "/invoices/{uuid}/approve", RequestBody.NONE, Invoice.class),
    INVOICES_SEND("invoices", "send", "POST", "/invoices/{uuid}/send", RequestBody.OPTIONAL, Invoice.class);

    /** What an operation does with the message body. */
    public enum RequestBody {
        /** The body is ignored. */
        NONE,
        /** The body is sent when there is one. */
        OPTIONAL,
        /** The operation fails before sending when there is no body. */
        REQUIRED
    }

    private static final String UUID_PLACEHOLDER = "{uuid}";

    private final String api;
    private final String operationName;
    private final String method;
    private final String pathTemplate;
    private final RequestBody requestBody;
    private final Class<?> resultType;
    private final List<String> requiredFields;

    CountOperation(String api, String operationName, String method, String pathTemplate, RequestBody requestBody,
                   Class<?> resultType, String... requiredFields) {
        this.api = api;
        this.operationName = operationName;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.requestBody = requestBody;
        this.resultType = resultType;
        this.requiredFields = List.of(requiredFields);
    }

    /**
     * @throws IllegalArgumentException naming the valid choices when the pair is not in the table
     */
    public static CountOperation of(String api, String operationName) {
        return Arrays.stream(values())
                .filter(row -> row.api.equals(api) && row.operationName.equals(operationName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(unknown(api, operationName)));
    }

    private static String unknown(String api, String operationName) {
        Map<String, String> byApi = Arrays.stream(values()).collect(Collectors.groupingBy(
                row -> row.api, TreeMap::new, Collectors.mapping(row -> row.operationName, Collectors.joining(", "))));
        if (!byApi.containsKey(api)) {
            return "Unknown COUNT API '" + api + "' in count:" + api + ". Valid APIs: " + String.join(", ", byApi.keySet());
        }
        return "Unknown operation '" + operationName + "' for count:" + api + ". Valid operations: " + byApi.get(api);
    }

    public String api() {
        return api;
    }

    public String operationName() {
        return operationName;
    }

    public String method() {
        return method;
    }

    public RequestBody requestBody() {
        return requestBody;
    }

    public Class<?> resultType() {
        return resultType;
    }

    /** Body fields COUNT rejects a request without; checked before any HTTP call. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    public boolean needsUuid() {
        return pathTemplate.contains(UUID_PLACEHOLDER);
    }

    /** The path below {@code /partners}, with the target's UUID filled in. */
    public String path(String uuid) {
        return needsUuid() ? pathTemplate.replace(UUID_PLACEHOLDER, uuid) : pathTemplate;
    }

    /** The name users see in routes and errors, such as {@code invoices/send}. */
    @Override
    public String toString() {
        return api + "/" + operationName;
    }
}

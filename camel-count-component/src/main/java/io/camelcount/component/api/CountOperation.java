package io.camelcount.component.api;

import java.util.List;

/**
 * One row of the operation table: everything the producer needs to make one kind of COUNT call.
 *
 * @param api             the API in the endpoint URI ({@code invoices} in {@code count:invoices})
 * @param name            the {@code operation} option's value
 * @param method          the HTTP method
 * @param pathTemplate    the path below {@code /partners}; {@code {uuid}} is the target's UUID
 * @param requestBody     what the call does with the message body
 * @param resultType      the model class COUNT's answer is read into (one record of it, for lists)
 * @param resultShape     whether the answer is one object, a page, a list or nothing
 * @param retry           what may be repeated when the outcome of a call is not known
 * @param queryParameters the filters the call takes
 * @param requiredFields  body fields COUNT rejects a request without; checked before any HTTP call
 * @param requiredQuery   filters COUNT rejects a request without; checked before any HTTP call
 */
public record CountOperation(String api, String name, String method, String pathTemplate, RequestBody requestBody,
                             Class<?> resultType, ResultShape resultShape, RetryPolicy retry,
                             List<String> queryParameters, List<String> requiredFields, List<String> requiredQuery) {

    private static final String UUID_PLACEHOLDER = "{uuid}";

    /** What an operation does with the message body. */
    public enum RequestBody {
        /** The body is not sent. */
        NONE,
        /** JSON options, sent when there are any. */
        OPTIONAL,
        /** JSON; the call fails before sending when there is none. */
        REQUIRED,
        /** One or more files sent as multipart/form-data. */
        FILES
    }

    /** What COUNT answers with. */
    public enum ResultShape {
        SINGLE,
        PAGE,
        LIST,
        NONE
    }

    /** Whether repeating the call after a 5xx or a lost connection can change anything twice. */
    public enum RetryPolicy {
        /** Reads, and changes that land once however often they are repeated. */
        SAFE,
        /** Changes that would happen twice (an email sent twice, a credit applied twice): never repeated. */
        NEVER,
        /** A create that is repeated only after a lookup by invoice number shows the first attempt did not land. */
        LOOKUP_BY_INVOICE_NUMBER
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
        return api + "/" + name;
    }
}

package io.camelcount.component.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
 * @param naturalKey      the body field that names what a create makes, when it has one; {@code null} otherwise
 * @param queryParameters the filters the call takes
 * @param requiredFields  body fields COUNT rejects a request without; checked before any HTTP call
 * @param requiredQuery   filters COUNT rejects a request without; checked before any HTTP call
 * @param impliedFields   body fields the operation's name already settles, with their values, filled in when the
 *                        message leaves them out ({@code matchingType: invoice} for {@code assignToInvoices})
 */
public record CountOperation(String api, String name, String method, String pathTemplate, RequestBody requestBody,
                             Class<?> resultType, ResultShape resultShape, RetryPolicy retry, NaturalKey naturalKey,
                             List<String> queryParameters, List<RequiredField> requiredFields, List<String> requiredQuery,
                             Map<String, String> impliedFields) {

    private static final String UUID_PLACEHOLDER = "{uuid}";

    /** A row looks up by its natural key exactly when it has one. */
    public CountOperation {
        if ((retry == RetryPolicy.LOOKUP_BY_NATURAL_KEY) != (naturalKey != null)) {
            throw new IllegalArgumentException(api + "/" + name + ": the retry policy " + retry
                                               + " does not go with the natural key " + naturalKey);
        }
    }

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
        /** A create that is repeated only after a lookup by its {@link NaturalKey} shows it did not land. */
        LOOKUP_BY_NATURAL_KEY
    }

    /**
     * A body field whose value names what a create makes, unique within its scope in a workspace (an invoice
     * number within its invoice type). The component finds what a create made by it: after a lost answer, to
     * tell whether the create landed, and after COUNT refused the value as taken ({@code duplicateInvoiceNumber}).
     *
     * @param field  the body field that holds the key ({@code invoiceNumber})
     * @param scope  the body field the key is unique within, also a filter of the lookup ({@code invoiceType});
     *               {@code null} when the key is unique in the whole workspace
     * @param lookup the operation of the same API that finds records by the key: a list that takes the filter
     *               {@code search}
     */
    public record NaturalKey(String field, String scope, String lookup) {
    }

    /**
     * A body field COUNT rejects a request without, under its name or one of the aliases COUNT also takes.
     *
     * @param name    the field's name ({@code postedDate})
     * @param aliases other names COUNT takes for it ({@code date}); empty for most fields
     */
    public record RequiredField(String name, List<String> aliases) {

        public RequiredField {
            aliases = List.copyOf(aliases);
        }

        /** The field's name first, then its aliases: any one of them present and not empty will do. */
        public List<String> names() {
            return Stream.concat(Stream.of(name), aliases.stream()).toList();
        }
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

package io.camelcount.component.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelcount.component.api.CountOperation.NaturalKey;
import io.camelcount.component.api.CountOperation.RequestBody;
import io.camelcount.component.api.CountOperation.RequiredField;
import io.camelcount.component.api.CountOperation.ResultShape;
import io.camelcount.component.api.CountOperation.RetryPolicy;
import io.camelcount.component.model.Account;
import io.camelcount.component.model.AuditLogEntry;
import io.camelcount.component.model.Customer;
import io.camelcount.component.model.CustomerBulkResult;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Product;
import io.camelcount.component.model.PublicLink;
import io.camelcount.component.model.RecurringInvoiceTemplate;
import io.camelcount.component.model.Tag;
import io.camelcount.component.model.TagGroup;
import io.camelcount.component.model.Transaction;
import io.camelcount.component.model.WebhookSubscription;

/**
 * The operation table: every call the component can make, one row each (contract §3–§5, §7, §8). Adding an
 * operation is adding a row; the producer reads rows and never branches on an operation's name.
 */
public final class CountOperations {

    private static final List<String> INVOICE_FILTERS = List.of("page", "limit", "search", "status", "approvalStatus",
            "customerUuid", "customerUuids", "startDate", "endDate", "invoiceType", "isDraft");
    private static final List<String> TEMPLATE_FILTERS = List.of("page", "limit", "search", "isDraft");
    private static final List<String> CUSTOMER_FILTERS = List.of("page", "limit", "search", "orderBy", "orderDirection");
    private static final List<String> PAGING = List.of("page", "limit", "search");
    private static final List<String> ACCOUNT_FILTERS = List.of("page", "limit", "search", "type");
    /** The date range is on the day the money moved ({@code postedDate}), as invoices' is on their date. */
    private static final List<String> TRANSACTION_FILTERS = List.of("page", "limit", "search", "startDate", "endDate");
    /** COUNT documents no search on its webhook subscriptions. */
    private static final List<String> PAGES_ONLY = List.of("page", "limit");

    private static final List<CountOperation> TABLE = List.of(
            get("invoices", "list", "/invoices").page(Invoice.class).query(INVOICE_FILTERS),
            // Invoice numbers are unique per invoice type in a workspace (contract §3); the list finds them by search.
            post("invoices", "create", "/invoices").json(Invoice.class, "customerUuid", "date", "products")
                    .naturalKey("invoiceNumber", "invoiceType", "list"),
            get("invoices", "get", "/invoices/{uuid}").single(Invoice.class),
            patch("invoices", "update", "/invoices/{uuid}").json(Invoice.class),
            delete("invoices", "delete", "/invoices/{uuid}"),
            patch("invoices", "approve", "/invoices/{uuid}/approve").single(Invoice.class),
            post("invoices", "send", "/invoices/{uuid}/send").optionalJson(Invoice.class).retry(RetryPolicy.NEVER),
            post("invoices", "addAttachments", "/invoices/{uuid}/attachments").json(Invoice.class, "attachments")
                    .retry(RetryPolicy.NEVER),
            post("invoices", "uploadAttachments", "/invoices/{uuid}/attachments/upload").files(Invoice.class)
                    .retry(RetryPolicy.NEVER),
            get("invoices", "publicLink", "/invoices/{uuid}/public-link").single(PublicLink.class),
            patch("invoices", "applyCredits", "/invoices/{uuid}/apply-multiple-credit-to-invoice")
                    .json(Invoice.class, "creditMemos").retry(RetryPolicy.NEVER),
            patch("invoices", "applyCreditToInvoices", "/invoices/{uuid}/apply-credit-to-multiple-invoices")
                    .json(Invoice.class, "invoices").retry(RetryPolicy.NEVER),
            patch("invoices", "removeCredit", "/invoices/{uuid}/remove-credit").json(Invoice.class, "memoId")
                    .retry(RetryPolicy.NEVER),
            get("invoices", "auditLog", "/invoices/{uuid}/audit-log").list(AuditLogEntry.class),
            patch("invoices", "removeTransaction", "/invoices/{uuid}/remove-transaction")
                    .json(Invoice.class, "transactionId").retry(RetryPolicy.NEVER),

            get("recurring-invoice-templates", "list", "/recurring-invoice-templates")
                    .page(RecurringInvoiceTemplate.class).query(TEMPLATE_FILTERS),
            post("recurring-invoice-templates", "create", "/recurring-invoice-templates")
                    .json(RecurringInvoiceTemplate.class, "customerUuid", "date", "products", "recurrencePattern")
                    .retry(RetryPolicy.NEVER),
            get("recurring-invoice-templates", "get", "/recurring-invoice-templates/{uuid}")
                    .single(RecurringInvoiceTemplate.class),
            patch("recurring-invoice-templates", "update", "/recurring-invoice-templates/{uuid}")
                    .json(RecurringInvoiceTemplate.class),
            delete("recurring-invoice-templates", "delete", "/recurring-invoice-templates/{uuid}"),
            post("recurring-invoice-templates", "pause", "/recurring-invoice-templates/{uuid}/pause")
                    .single(RecurringInvoiceTemplate.class),
            post("recurring-invoice-templates", "resume", "/recurring-invoice-templates/{uuid}/resume")
                    .single(RecurringInvoiceTemplate.class),

            get("customers", "list", "/customers").page(Customer.class).query(CUSTOMER_FILTERS),
            post("customers", "create", "/customers").json(Customer.class, "customer").retry(RetryPolicy.NEVER),
            get("customers", "get", "/customers/{uuid}").single(Customer.class),
            put("customers", "update", "/customers/{uuid}").json(Customer.class),
            delete("customers", "delete", "/customers/{uuid}"),
            get("customers", "findByEmail", "/customers/find-by-email").single(Customer.class).query(List.of("email"))
                    .requiredQuery("email"),
            // A bulk call's answer is per row; repeated blindly after a lost answer, a create would report its own
            // first attempt's rows as taken emails, so neither bulk call is repeated (CountUnknownOutcomeException).
            post("customers", "bulkCreate", "/customers/bulk").json(CustomerBulkResult.class, "customers")
                    .retry(RetryPolicy.NEVER),
            patch("customers", "bulkUpdate", "/customers/bulk").json(CustomerBulkResult.class, "customers")
                    .retry(RetryPolicy.NEVER),

            // count-cli's create schema makes the category accounts optional: only the name is required.
            get("products", "list", "/products").page(Product.class).query(PAGING),
            post("products", "create", "/products").json(Product.class, "name").retry(RetryPolicy.NEVER),
            get("products", "get", "/products/{uuid}").single(Product.class),
            patch("products", "update", "/products/{uuid}").json(Product.class),
            delete("products", "delete", "/products/{uuid}"),

            get("tags", "list", "/tags").page(Tag.class).query(PAGING),
            post("tags", "create", "/tags").json(Tag.class, "name").retry(RetryPolicy.NEVER),
            get("tags", "get", "/tags/{uuid}").single(Tag.class),
            patch("tags", "update", "/tags/{uuid}").json(Tag.class),
            delete("tags", "delete", "/tags/{uuid}"),

            get("tag-groups", "list", "/tags/groups").page(TagGroup.class).query(PAGING),
            post("tag-groups", "create", "/tags/groups").json(TagGroup.class, "name").retry(RetryPolicy.NEVER),
            get("tag-groups", "get", "/tags/groups/{uuid}").single(TagGroup.class),
            patch("tag-groups", "update", "/tags/groups/{uuid}").json(TagGroup.class),
            delete("tag-groups", "delete", "/tags/groups/{uuid}"),

            get("accounts", "list", "/chart-of-accounts").page(Account.class).query(ACCOUNT_FILTERS),

            get("transactions", "list", "/transactions").page(Transaction.class).query(TRANSACTION_FILTERS),
            // COUNT keeps nothing of a transaction unique, so a create repeated after a lost answer would book the
            // money twice: never repeated (the component docs say how a route makes a create safe).
            post("transactions", "create", "/transactions").json(Transaction.class, "accUuid", "amount")
                    .required("postedDate", "date").retry(RetryPolicy.NEVER),
            get("transactions", "get", "/transactions/{uuid}").single(Transaction.class),
            patch("transactions", "update", "/transactions/{uuid}").json(Transaction.class),
            delete("transactions", "delete", "/transactions/{uuid}"),
            // Invoices are the only matching in scope (bills are not, contract §9): the operation's name settles
            // matchingType. Repeated, a payment would be recorded twice.
            post("transactions", "assignToInvoices", "/transactions/{uuid}/assign-to-bills-invoices")
                    .json(Transaction.class, "records").implies("matchingType", "invoice").retry(RetryPolicy.NEVER),

            // Subscriptions (contract §8); receiving deliveries is the webhooks consumer's, not a row's. A create
            // repeated blindly would subscribe twice, and COUNT would then deliver every event twice.
            get("webhooks", "list", "/webhooks").page(WebhookSubscription.class).query(PAGES_ONLY),
            post("webhooks", "create", "/webhooks").json(WebhookSubscription.class, "event", "callbackUrl")
                    .retry(RetryPolicy.NEVER),
            patch("webhooks", "update", "/webhooks/{uuid}").json(WebhookSubscription.class),
            delete("webhooks", "delete", "/webhooks/{uuid}"))
            .stream().map(Row::build).toList();

    private CountOperations() {
    }

    public static List<CountOperation> all() {
        return TABLE;
    }

    /**
     * @throws IllegalArgumentException naming the valid choices when the pair is not in the table
     */
    public static CountOperation of(String api, String name) {
        return TABLE.stream()
                .filter(row -> row.api().equals(api) && row.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(unknown(api, name)));
    }

    private static String unknown(String api, String name) {
        Map<String, String> byApi = TABLE.stream().collect(Collectors.groupingBy(CountOperation::api, LinkedHashMap::new,
                Collectors.mapping(CountOperation::name, Collectors.joining(", "))));
        if (!byApi.containsKey(api)) {
            return "Unknown COUNT API '" + api + "' in count:" + api + ". Valid APIs: " + String.join(", ", byApi.keySet());
        }
        return "Unknown operation '" + name + "' for count:" + api + ". Valid operations: " + byApi.get(api);
    }

    private static Row get(String api, String name, String path) {
        return new Row(api, name, "GET", path);
    }

    private static Row post(String api, String name, String path) {
        return new Row(api, name, "POST", path);
    }

    private static Row put(String api, String name, String path) {
        return new Row(api, name, "PUT", path);
    }

    private static Row patch(String api, String name, String path) {
        return new Row(api, name, "PATCH", path);
    }

    private static Row delete(String api, String name, String path) {
        return new Row(api, name, "DELETE", path).shape(ResultShape.NONE, Void.class);
    }

    /** Reads a row of the table in the order one would say it: "GET /invoices, a page of invoices". */
    private static final class Row {
        private final String api;
        private final String name;
        private final String method;
        private final String path;
        private RequestBody body = RequestBody.NONE;
        private Class<?> resultType;
        private ResultShape shape = ResultShape.SINGLE;
        private RetryPolicy retry = RetryPolicy.SAFE;
        private NaturalKey naturalKey;
        private List<String> query = List.of();
        private final List<RequiredField> required = new ArrayList<>();
        private final List<String> requiredQuery = new ArrayList<>();
        private final Map<String, String> implied = new LinkedHashMap<>();

        private Row(String api, String name, String method, String path) {
            this.api = api;
            this.name = name;
            this.method = method;
            this.path = path;
        }

        Row single(Class<?> type) {
            return shape(ResultShape.SINGLE, type);
        }

        Row page(Class<?> type) {
            return shape(ResultShape.PAGE, type);
        }

        Row list(Class<?> type) {
            return shape(ResultShape.LIST, type);
        }

        Row shape(ResultShape shape, Class<?> type) {
            this.shape = shape;
            this.resultType = type;
            return this;
        }

        Row json(Class<?> type, String... requiredFields) {
            body = RequestBody.REQUIRED;
            for (String field : requiredFields) {
                required(field);
            }
            return single(type);
        }

        /** A required body field that COUNT also takes under other names. */
        Row required(String field, String... aliases) {
            required.add(new RequiredField(field, List.of(aliases)));
            return this;
        }

        Row implies(String field, String value) {
            implied.put(field, value);
            return this;
        }

        Row optionalJson(Class<?> type) {
            body = RequestBody.OPTIONAL;
            return single(type);
        }

        Row files(Class<?> type) {
            body = RequestBody.FILES;
            return single(type);
        }

        Row retry(RetryPolicy policy) {
            retry = policy;
            return this;
        }

        Row naturalKey(String field, String scope, String lookup) {
            naturalKey = new NaturalKey(field, scope, lookup);
            return retry(RetryPolicy.LOOKUP_BY_NATURAL_KEY);
        }

        Row query(List<String> parameters) {
            query = parameters;
            return this;
        }

        Row requiredQuery(String parameter) {
            requiredQuery.add(parameter);
            return this;
        }

        CountOperation build() {
            return new CountOperation(api, name, method, path, body, resultType, shape, retry, naturalKey, query,
                    List.copyOf(required), List.copyOf(requiredQuery), Collections.unmodifiableMap(new LinkedHashMap<>(implied)));
        }
    }
}

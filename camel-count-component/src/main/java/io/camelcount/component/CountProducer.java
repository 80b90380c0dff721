package io.camelcount.component;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.http.CountCalls;
import io.camelcount.component.http.CountRequest;
import io.camelcount.component.http.CountResponse;
import io.camelcount.component.http.Pages;
import io.camelcount.component.http.ResourceName;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.CountResource;
import io.camelcount.component.model.Page;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Makes one COUNT call per exchange, as the endpoint's row of the operation table describes it.
 */
public class CountProducer extends DefaultProducer {

    static final String PARTNERS = "/partners";
    private static final String CUSTOMERS = "customers";

    private CountConnections.Hold connection;
    private CountCalls calls;
    /** {@code null} without a health check repository. */
    private CountHealthCheck healthCheck;
    /** For an operation with a natural key; {@code null} for the others. */
    private NaturalKeyLookup lookup;
    /** The customers found by email in the endpoint's workspace (customerCacheTtl). */
    private CustomerCache customers;

    public CountProducer(CountEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public CountEndpoint getEndpoint() {
        return (CountEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().connect();
        calls = getEndpoint().createCalls(connection);
        healthCheck = CountHealthCheck.register(getEndpoint(), connection);
        CountOperation operation = getEndpoint().operation();
        lookup = operation.naturalKey() == null ? null : new NaturalKeyLookup(calls, operation);
        customers = connection.customers();
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
            calls = null;
            lookup = null;
            customers = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        CountOperation operation = getEndpoint().operation();
        Message message = exchange.getMessage();
        Object body = message.getBody();

        String uuid = operation.needsUuid() ? targetUuid(operation, message, body) : null;
        String query = QueryString.of(getEndpoint(), message);
        CountRequest request = new CountRequest(operation.toString(), operation.method(),
                PARTNERS + operation.path(uuid) + query, RequestBodies.of(operation, exchange));
        CountResponse response = isCustomerByEmail(operation) ? customerByEmail(operation, request, message)
                : call(operation, request, message, uuid);

        message.setHeader(CountConstants.REQUEST_ID, response.requestId());
        message.setHeader(CountConstants.WARNINGS, response.warnings().isEmpty() ? null : response.warnings());
        switch (operation.resultShape()) {
            case SINGLE -> single(operation, message, response.data());
            case PAGE -> page(operation, message, request, response);
            case LIST -> message.setBody(models(operation, Pages.records(response, request, operation.resultType())));
            case NONE -> message.setBody(null);
        }
    }

    private static boolean isCustomerByEmail(CountOperation operation) {
        return CUSTOMERS.equals(operation.api()) && "findByEmail".equals(operation.name());
    }

    /** customers findByEmail, answered from the workspace's memory while the answer is younger than customerCacheTtl. */
    private CountResponse customerByEmail(CountOperation operation, CountRequest request, Message message) {
        Duration ttl = Duration.ofMillis(getEndpoint().getConfiguration().getCustomerCacheTtl());
        String email = ttl.isZero() ? null : request.queryParameter("email");
        JsonNode remembered = email == null ? null : customers.find(email, ttl);
        if (remembered != null) {
            return new CountResponse(200, null, remembered, List.of());
        }
        CountResponse response = call(operation, request, message, null);
        if (email != null) {
            customers.remember(email, unwrap(response.data(), operation.resultType()));
        }
        return response;
    }

    /**
     * One call to COUNT, and what it tells about the customers remembered: a 404 for a customer (deleted in COUNT),
     * and a change made here, make the next lookup by email ask COUNT again.
     */
    private CountResponse call(CountOperation operation, CountRequest request, Message message, String uuid) {
        boolean customer = CUSTOMERS.equals(operation.api());
        try {
            CountResponse response = callOnce(operation, request, message);
            if (customer && ("update".equals(operation.name()) || "delete".equals(operation.name()))) {
                customers.forget(uuid);
            } else if (customer && "bulkUpdate".equals(operation.name())) {
                customers.forgetAll();
            } else if (customer && "create".equals(operation.name())) {
                // The lookup that found no customer is usually followed by this create: the next one finds it here.
                JsonNode created = unwrap(response.data(), operation.resultType());
                String email = created.path("email").asText("");
                if (!email.isBlank()) {
                    customers.remember(email, created);
                }
            }
            return response;
        } catch (CountNotFoundException gone) {
            customers.forget(customer ? uuid : request.jsonField("customerUuid"));
            throw gone;
        }
    }

    private CountResponse callOnce(CountOperation operation, CountRequest request, Message message) {
        message.removeHeader(CountConstants.EXISTING);
        if (lookup == null) {
            return calls.call(operation, request);
        }
        try {
            return calls.call(operation, request, lookup);
        } catch (CountConflictException taken) {
            boolean answerExisting = getEndpoint().getConfiguration().getDuplicateInvoiceNumber()
                                     == DuplicateInvoiceNumber.answerExisting;
            JsonNode existing = answerExisting ? lookup.find(request) : null;
            if (existing == null) {
                throw taken;
            }
            message.setHeader(CountConstants.EXISTING, Boolean.TRUE);
            return new CountResponse(200, null, existing, List.of());
        }
    }

    private static void single(CountOperation operation, Message message, JsonNode data) {
        JsonNode resource = unwrap(data, operation.resultType());
        message.setBody(CountJson.convert(resource, operation.resultType()));
        JsonNode status = resource.get("status");
        message.setHeader(CountConstants.STATUS, status != null && status.isTextual() ? status.asText() : null);
    }

    private void page(CountOperation operation, Message message, CountRequest request, CountResponse response) {
        Page<?> first = toPage(operation, request, response);
        // Absent rather than guessed when COUNT did not send them (contract §2).
        setOrRemove(message, CountConstants.TOTAL_RECORDS, first.totalRecords());
        setOrRemove(message, CountConstants.TOTAL_PAGES, first.totalPages());
        message.setHeader(CountConstants.STATUS, null);
        boolean all = getEndpoint().getConfiguration().getPaginate() == Paginate.all;
        message.setBody(all ? new AllRecords<>(first, next -> {
            CountRequest pageRequest = request.onPage(next);
            return toPage(operation, pageRequest, calls.call(operation, pageRequest));
        }) : first);
    }

    private static Page<?> toPage(CountOperation operation, CountRequest request, CountResponse response) {
        Page<JsonNode> page = Pages.read(response, request, operation.resultType());
        return new Page<>(models(operation, page.records()), page.page(), page.limit(), page.totalRecords(),
                page.totalPages());
    }

    private static List<?> models(CountOperation operation, Iterable<JsonNode> records) {
        return StreamSupport.stream(records.spliterator(), false)
                .map(record -> CountJson.convert(record, operation.resultType()))
                .toList();
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }

    /** Header, then the uuid option, then the UUID of a COUNT object in the body (the previous step's result). */
    private String targetUuid(CountOperation operation, Message message, Object body) {
        String uuid = message.getHeader(CountConstants.UUID, String.class);
        String source = "header " + CountConstants.UUID;
        if (uuid == null) {
            uuid = getEndpoint().getConfiguration().getUuid();
            source = "option uuid";
        }
        if (uuid == null && body instanceof CountResource resource && body.getClass() == operation.resultType()) {
            uuid = resource.getUuid();
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

    /** Some live routes wrap the object under its resource name ({@code data.invoice}); read both forms. */
    private static JsonNode unwrap(JsonNode data, Class<?> resultType) {
        JsonNode wrapped = data.get(ResourceName.of(resultType).singular());
        return wrapped != null && wrapped.isObject() ? wrapped : data;
    }
}

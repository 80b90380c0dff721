package io.camelcount.component;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component against its own embedded mock COUNT. Each test class starts the mock it needs in a
 * {@code @BeforeAll} through {@link #startMock}, with the settings its tests need.
 */
abstract class MockCountTestSupport extends CamelTestSupport {

    /** HTTP/1.1: the JDK client's default h2c upgrade against WireMock's Jetty now and then garbles a large journal. */
    private static final HttpClient ADMIN_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final String ACME = "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081";
    static final String GLOBEX = "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7082";
    static final String CONSULTING_HOUR = "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01";
    static final String SUPPORT_PLAN = "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02";
    /** The demo workspace's bank account, where payments' money moves. */
    static final String BANK_ACCOUNT = "c4a1e2d3-0000-4000-8000-0000000000b1";
    static final String UNKNOWN_UUID = "3f1c2b9e-1111-4222-8333-444455556666";

    /** The JVM system property that turns the mock's variants on, with its seed. */
    static final String VARIANTS = "count.mock.variants";

    static CountMockServer mock;

    /**
     * A mock clock stopped at the day the tests' invoices are dated, so no invoice turns overdue because the run
     * crossed midnight. Not for tests of token expiry, which the component judges by its own clock.
     */
    static MockClock testDay() {
        return MockClock.fixed(Instant.parse("2026-11-24T09:00:00Z"));
    }

    /**
     * With {@value #VARIANTS} set (the build's second test run sets it), the mock answers each request in one of
     * COUNT's known live forms, chosen by that seed so a run repeats (contract §2 "Variants").
     */
    static void startMock(CountMockServer.Builder builder) {
        String seed = System.getProperty(VARIANTS);
        if (seed != null && !seed.isBlank()) {
            builder.variants(Long.parseLong(seed.strip()));
        }
        // The journal is off by default (it keeps every body); requestsTo() and requestsContaining() read it.
        mock = builder.port(0).requestJournal(1000).start();
    }

    @AfterAll
    static void stopMock() {
        if (mock != null) {
            mock.stop();
            mock = null;
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("count", demoComponent());
        return context;
    }

    CountComponent demoComponent() {
        CountComponent count = new CountComponent();
        // Signs with the mock's time, which may be stopped at the tests' day (testDay()).
        count.setClock(mock.clock());
        count.getConfiguration().setBaseUrl(mock.baseUrl());
        count.getConfiguration().setClientId("demo-client");
        count.getConfiguration().setClientSecret("demo-secret");
        count.getConfiguration().setAccessToken("demo-access-token");
        count.getConfiguration().setRefreshToken("demo-refresh-token");
        // The limiter has its own tests; here it would only slow suites that make more than 100 calls.
        count.getConfiguration().setRateLimit(0);
        return count;
    }

    Exchange call(String uri, Object body, String uuid) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(CountConstants.UUID, uuid);
        return callWith(uri, body, headers);
    }

    Exchange callWith(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    /** The call's result; a failed call fails the test with COUNT's refusal as the cause. */
    <T> T result(String uri, Object body, String uuid, Class<T> type) {
        Exchange exchange = call(uri, body, uuid);
        if (exchange.getException() != null) {
            throw new AssertionError(uri + " failed", exchange.getException());
        }
        return exchange.getMessage().getBody(type);
    }

    Invoice invoice(String uri, Object body, String uuid) {
        return result(uri, body, uuid, Invoice.class);
    }

    /** Deletes {@code uuid} of {@code api} and checks that the delete answered nothing and a get no longer finds it. */
    void deleteAndCheckGone(String api, String uuid) {
        Exchange deleted = call("count:" + api + "?operation=delete", null, uuid);
        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getBody()).isNull();
        assertThat(call("count:" + api + "?operation=get", null, uuid).getException())
                .isInstanceOf(CountNotFoundException.class);
    }

    static Invoice invoiceRequest(String customerUuid, String productUuid, String quantity, String unitPrice) {
        Invoice request = new Invoice();
        request.setCustomerUuid(customerUuid);
        request.setDate(mock.demoWorkspace().today());
        request.addLine(productUuid, new BigDecimal(quantity), new BigDecimal(unitPrice));
        return request;
    }

    Invoice createDraft() {
        return invoice("count:invoices?operation=create", invoiceRequest(ACME, CONSULTING_HOUR, "2", "120.00"), null);
    }

    Invoice createApproved(String customerUuid, String total) {
        Invoice request = invoiceRequest(customerUuid, CONSULTING_HOUR, "1", total);
        request.setIsDraft(false);
        return invoice("count:invoices?operation=create", request, null);
    }

    /** Calls the mock's admin API ({@code /__admin/count/...}) and returns its answer's {@code data}. */
    static JsonNode admin(String method, String path, String json) {
        try {
            HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json);
            HttpResponse<String> answer = ADMIN_HTTP.send(
                    HttpRequest.newBuilder(URI.create(mock.adminUrl() + path)).method(method, body)
                            .header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new AssertionError("Admin " + method + " " + path + " answered " + answer.statusCode() + ": "
                                         + answer.body());
            }
            return CountJson.parse(answer.body().getBytes()).path("data");
        } catch (IOException e) {
            throw new AssertionError("Could not reach the mock's admin API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How many requests the mock received, from WireMock's own request journal. */
    static long requestsTo(String method, String pathPrefix) {
        return requests(method, url -> url.startsWith(pathPrefix));
    }

    static long requestsContaining(String method, String text) {
        return requests(method, url -> url.contains(text));
    }

    private static long requests(String method, Predicate<String> url) {
        long count = 0;
        for (JsonNode served : journal()) {
            JsonNode request = served.path("request");
            if (method.equals(request.path("method").asText()) && url.test(request.path("url").asText())) {
                count++;
            }
        }
        return count;
    }

    /** Every request WireMock's journal kept, newest first, each with its {@code request} and {@code response}. */
    static JsonNode journal() {
        try {
            HttpResponse<String> journal = ADMIN_HTTP.send(
                    HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/requests?limit=100000")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return CountJson.parse(journal.body().getBytes()).path("requests");
        } catch (IOException e) {
            throw new AssertionError("Could not read the mock's request journal", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

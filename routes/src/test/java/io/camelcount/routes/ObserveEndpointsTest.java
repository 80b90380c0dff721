package io.camelcount.routes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's management server as routes/README.md shows it: after a sale went through the COUNT routes,
 * /observe/health lists the count: producers' checks with their token state and limiter use, and /observe/metrics
 * serves the component's meters in Prometheus format.
 */
class ObserveEndpointsTest {

    private static final String SALE = """
            {"saleId": "S-90", "customer": "Acme Trading", "email": "billing@acme.example",
             "items": [{"productUuid": "%s", "quantity": 1, "unitPrice": 120}]}""".formatted(DemoWorkspace.CONSULTING_HOUR);

    @RegisterExtension
    final RunningDemo demo = new RunningDemo();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void healthAndMetricsShowTheCountComponent() throws Exception {
        HttpResponse<String> sale = send(HttpRequest.newBuilder(URI.create(demo.httpUrl() + "/pos/sales"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SALE)).build());
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);

        // Readiness waits for every consumer's first poll (Camel's own consumer checks), a moment after the start.
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/observe/health").statusCode() == 200);
        HttpResponse<String> health = get("/observe/health?data=true");
        JsonNode checks = new ObjectMapper().readTree(health.body()).path("checks");
        List<JsonNode> count = StreamSupport.stream(checks.spliterator(), false)
                .filter(check -> check.path("name").asText().startsWith("producer:count-")).toList();

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(count).as(health.body()).isNotEmpty().allSatisfy(check -> {
            assertThat(check.path("status").asText()).isEqualTo("UP");
            assertThat(check.path("data").path("token.state").asText()).isIn("VALID", "NOT_LOADED");
            assertThat(check.path("data").path("limiter").asText()).isEqualTo("100 requests per PT1M");
        });
        assertThat(health.body()).doesNotContain("demo-access-token", "demo-refresh-token", "demo-secret");

        HttpResponse<String> metrics = get("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(
                "count_requests_seconds_count{operation=\"invoices/create\",outcome=\"success\"}",
                "count_limiter_wait_seconds_count");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(demo.managementUrl() + path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

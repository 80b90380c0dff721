package io.camelcount.features.steps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.features.support.CountClient;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COUNT's rate limit, on a mock COUNT of its own with a small limit. The component's clock and its way of
 * waiting are the mock's clock, so waiting for a permit moves the mock's time instead of sleeping.
 */
public class RateLimitSteps {

    private static final String[] ROUTES = {"direct:customers", "direct:products", "direct:tags"};

    private final MockClock clock = MockClock.fixed(Instant.parse("2026-11-24T09:00:00Z"));
    private final Instant start = clock.instant();
    private CountMockServer limitedCount;
    private CountClient client;
    private int limit;
    private final AtomicInteger succeeded = new AtomicInteger();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private Duration realTime;

    @After
    public void stop() {
        if (client != null) {
            client.close();
        }
        if (limitedCount != null) {
            limitedCount.stop();
        }
    }

    @Given("a COUNT that allows {int} requests a minute per client ID")
    public void aLimitedCount(int requestsPerMinute) {
        limit = requestsPerMinute;
        // The journal is off by default; "COUNT refused none of them" reads it.
        limitedCount = CountMockServer.builder().port(0).rateLimit(requestsPerMinute).clock(clock).requestJournal(1000).start();
    }

    @Given("three routes that read customers, products and tags, with the component set to the same limit")
    public void threeRoutes() throws Exception {
        String baseUrl = limitedCount.baseUrl();
        client = CountClient.customised(component -> {
            component.setClock(clock);
            component.setSleeper(clock::advance); // waiting moves the mock's time
        }, configuration -> {
            configuration.setBaseUrl(baseUrl);
            configuration.setRateLimit(limit);
            configuration.setRateLimitWindow(60_000);
        });
        client.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTES[0]).to("count:customers?operation=list");
                from(ROUTES[1]).to("count:products?operation=list");
                from(ROUTES[2]).to("count:tags?operation=list");
            }
        });
    }

    /**
     * One sender: the mock's clock is also the component's, and waiting for a permit moves it. Concurrent waiters
     * on one fake clock would add their waits together and send late, which real time never does; the limiter's
     * behaviour under many threads is RateLimiterTest's, on simulated time built for it.
     */
    @When("the three routes send {int} requests in turn")
    public void send(int requests) {
        ProducerTemplate template = client.camel().createProducerTemplate();
        long began = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            try {
                template.requestBody(ROUTES[i % ROUTES.length], (Object) null);
                succeeded.incrementAndGet();
            } catch (RuntimeException e) {
                failures.add(e.getCause() != null ? e.getCause() : e);
            }
        }
        realTime = Duration.ofNanos(System.nanoTime() - began);
    }

    @Then("all {int} requests succeed")
    public void allSucceed(int requests) {
        assertThat(failures).as("failures that reached a route").isEmpty();
        assertThat(succeeded.get()).isEqualTo(requests);
    }

    @Then("COUNT's clock moved at least {int} minutes, because the component waited for permits")
    public void clockMoved(int minutes) {
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(minutes));
    }

    /** Read from WireMock's request journal: the limiter alone kept every request inside COUNT's limit. */
    @Then("COUNT refused none of them for going too fast")
    public void refusedNone() throws Exception {
        HttpResponse<String> journal = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(limitedCount.baseUrl() + "/__admin/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode events = new ObjectMapper().readTree(journal.body()).path("requests");
        int refused = 0;
        for (JsonNode event : events) {
            if (event.path("response").path("status").asInt() == 429) {
                refused++;
            }
        }
        assertThat(events.size()).as("requests COUNT received").isGreaterThanOrEqualTo(250);
        assertThat(refused).as("429s COUNT answered").isZero();
    }

    @Then("nobody waited for real")
    public void noRealWaiting() {
        assertThat(realTime).isLessThan(Duration.ofSeconds(30));
    }
}

package io.camelcount.features.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import io.cucumber.java.After;

/**
 * The mock COUNT's admin API ({@code /__admin/count}), for what only a test can do to COUNT: record a
 * customer's payment, expire tokens, inject faults, add partner apps. Only {@code @mock-only} scenarios use it.
 */
public class MockAdmin {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** The fault lists the scenario added to: {@code faults} (the API's), {@code webhooks/faults} (deliveries'). */
    private final Set<String> faultsInjected = new LinkedHashSet<>();

    @After(value = "@mock-only")
    public void removeFaults() {
        faultsInjected.forEach(faults -> request("DELETE", faults, null));
        faultsInjected.clear();
    }

    public String post(String route, String json) {
        if (route.equals("faults") || route.equals("webhooks/faults")) {
            faultsInjected.add(route);
        }
        return request("POST", route, json);
    }

    public String get(String route) {
        return request("GET", route, null);
    }

    /** Moves the mock's clock forward; the component signs with the same clock. */
    public void advanceClock(Duration duration) {
        CountTarget.mock().clock().advance(duration);
    }

    private String request(String method, String route, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CountTarget.mock().adminUrl() + "/" + route))
                .timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("The mock's admin API refused " + method + " " + route + ": "
                                                + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The mock's admin API is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

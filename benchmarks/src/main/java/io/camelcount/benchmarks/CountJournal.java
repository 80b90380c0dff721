package io.camelcount.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The requests the mock COUNT received, from WireMock's request journal ({@code /__admin/requests}): what the routes
 * cost in COUNT's 100 requests a minute, counted on COUNT's side of the wire.
 */
final class CountJournal {

    /** The OAuth token routes: COUNT counts them too, but they follow the token's lifetime, not the outcomes. */
    private static final List<String> TOKEN_ROUTES = List.of("/partners/grant-access-token",
            "/partners/refresh-user-access-token");

    /** One request: {@code GET /partners/invoices} and its query string, without the {@code ?} ("" for none). */
    record Call(String method, String path, String query) {

        boolean isTokenCall() {
            return TOKEN_ROUTES.contains(path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI requests;

    CountJournal(String mockBaseUrl) {
        requests = URI.create(mockBaseUrl + "/__admin/requests");
    }

    /** Every request since the last {@link #clear()}, oldest first. */
    List<Call> calls() throws IOException, InterruptedException {
        HttpResponse<String> journal = http.send(HttpRequest.newBuilder(URI.create(requests + "?limit=100000")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<Call> calls = new ArrayList<>();
        for (JsonNode served : json.readTree(journal.body()).path("requests")) {
            String url = served.path("request").path("url").asText();
            int query = url.indexOf('?');
            calls.add(new Call(served.path("request").path("method").asText(),
                    query < 0 ? url : url.substring(0, query), query < 0 ? "" : url.substring(query + 1)));
        }
        // WireMock lists the newest first.
        Collections.reverse(calls);
        return calls;
    }

    void clear() throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(requests).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}

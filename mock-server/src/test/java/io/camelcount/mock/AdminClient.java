package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the mock's /__admin/count API (unsigned, as a test or a script does) and the browser-facing /auth2 pages. */
final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    AdminClient(CountMockServer server) {
        this.baseUrl = server.baseUrl();
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String body) {
        return send("POST", path, body);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** GETs an absolute URL the mock handed out, such as its consent page. */
    Reply fetch(String absoluteUrl) {
        return send("GET", absoluteUrl.substring(baseUrl.length()), null);
    }

    /** @param path under /__admin/count, e.g. {@code /clock}; or a full path such as {@code /auth2/consent?...} */
    Reply send(String method, String path, String body) {
        String fullPath = path.startsWith("/auth2") || path.startsWith("/partners") ? path : "/__admin/count" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + fullPath))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return Reply.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + fullPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + fullPath + " interrupted", e);
        }
    }
}

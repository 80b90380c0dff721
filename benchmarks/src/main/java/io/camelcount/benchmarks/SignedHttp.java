package io.camelcount.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.camelcount.component.auth.RequestSigner;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The least a hand-written COUNT client does: sign each request (contract §1) with the demo workspace's
 * credentials, send it over a pooled Apache HttpClient 5 and read the whole answer. The anchor of the component
 * overhead benchmark, and the load generator of the mock throughput benchmark.
 */
final class SignedHttp implements AutoCloseable {

    /** An answer as bytes, for capturing what the mock says. */
    record Answer(int status, byte[] body) {
    }

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;

    SignedHttp(int connections) {
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(connections)
                        .setMaxConnTotal(connections)
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    Answer get(String baseUrl, String path) throws IOException {
        return send("GET", baseUrl, path, null);
    }

    Answer post(String baseUrl, String path, byte[] json) throws IOException {
        return send("POST", baseUrl, path, json);
    }

    /** Sends and fails unless COUNT answered {@code status}. */
    void expect(int status, String method, String baseUrl, String path, byte[] json) throws IOException {
        Answer answer = send(method, baseUrl, path, json);
        if (answer.status() != status) {
            throw new IOException(method + " " + path + " answered " + answer.status() + " instead of " + status + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private Answer send(String method, String baseUrl, String path, byte[] json) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(baseUrl + path));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        request.setHeader("x-client-id", DemoWorkspace.CLIENT_ID);
        request.setHeader("x-timestamp", timestamp);
        request.setHeader("x-signature", RequestSigner.sign(DemoWorkspace.CLIENT_SECRET, method, path, timestamp, json));
        request.setHeader("Authorization", "Bearer " + DemoWorkspace.ACCESS_TOKEN);
        request.setHeader("Accept", "application/json");
        if (json != null) {
            request.setEntity(new ByteArrayEntity(json, JSON));
        }
        return http.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}

package io.camelcount.component.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountException;
import io.camelcount.component.auth.RequestSigner;
import io.camelcount.component.json.CountJson;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The transport: signs each request (contract §1), sends it over one pooled HttpClient, and turns the
 * answer into the success envelope's {@code data} or a typed exception.
 */
public final class CountHttpClient implements Closeable {

    private static final ContentType JSON = ContentType.create("application/json");
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CloseableHttpClient http;
    private final Clock clock;

    public CountHttpClient(HttpSettings settings, Clock clock) {
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                                .build())
                        .setMaxConnPerRoute(settings.maxConnections())
                        .setMaxConnTotal(settings.maxConnections())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                // Retrying is a decision about COUNT's semantics (a create must never be repeated blindly),
                // so the transport never retries on its own.
                .disableAutomaticRetries()
                .useSystemProperties()
                .build();
    }

    /** Connection pool and timeouts, shared by every endpoint of one component. */
    public record HttpSettings(long connectTimeoutMillis, long responseTimeoutMillis, int maxConnections) {
    }

    public CountResponse send(String baseUrl, CountCredentials credentials, CountRequest request) {
        HttpUriRequestBase call = new HttpUriRequestBase(request.method(), URI.create(baseUrl + request.path()));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        call.setHeader("x-client-id", credentials.clientId());
        call.setHeader("x-timestamp", timestamp);
        call.setHeader("x-signature", RequestSigner.sign(credentials.clientSecret(), request.method(), request.path(),
                timestamp, request.body()));
        call.setHeader("Authorization", "Bearer " + credentials.accessToken());
        call.setHeader("Accept", "application/json");
        if (request.body() != null) {
            call.setEntity(new ByteArrayEntity(request.body(), JSON));
        }
        try {
            return http.execute(call, response -> {
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                Header requestIdHeader = response.getFirstHeader(REQUEST_ID_HEADER);
                String requestId = requestIdHeader == null ? null : requestIdHeader.getValue();
                int status = response.getCode();
                if (status < 200 || status >= 300) {
                    throw CountErrors.toException(request.operation(), status, response.getReasonPhrase(), body, requestId);
                }
                return new CountResponse(status, requestId, data(request, status, body));
            });
        } catch (IOException e) {
            throw new CountException("Could not reach COUNT at " + baseUrl + " for " + request.operation() + ": " + e, e);
        }
    }

    private static JsonNode data(CountRequest request, int status, byte[] body) {
        try {
            return CountJson.parse(body).path("data");
        } catch (IOException e) {
            throw new CountException("COUNT answered " + request.operation() + " with HTTP " + status
                                     + " but a body that is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}

package io.camelcount.component.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;

import io.camelcount.component.auth.RequestSigner;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * One signed attempt of a request (contract §1) over the component's pooled HttpClient. Deciding
 * what to do with the answer — refresh, wait, retry, fail — is {@link CountCalls}'s job.
 */
public final class CountHttpClient implements Closeable {

    private static final ContentType JSON = ContentType.create("application/json");
    private static final String DOCUMENTS_PART = "documents";
    /** The class of the JVM's own ProxySelector, which reads the proxy system properties. */
    private static final String JDK_PROXY_SELECTOR = "sun.net.spi.DefaultProxySelector";
    /** The system properties that give the JDK's ProxySelector a proxy. */
    private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "https.proxyHost", "socksProxyHost");
    /** A host to ask the JVM's ProxySelector about, for each scheme COUNT is reached by. */
    private static final List<URI> PROXY_PROBES = List.of(URI.create("http://count.invalid/"),
            URI.create("https://count.invalid/"));

    private final CloseableHttpClient http;
    private final Clock clock;

    public CountHttpClient(HttpSettings settings, Clock clock) {
        this.clock = clock;
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .build())
                .setMaxConnPerRoute(settings.maxConnections())
                .setMaxConnTotal(settings.maxConnections());
        if (settings.sslContext() != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .setProxy(settings.proxy())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                // Whether a request may be repeated depends on what it does in COUNT (a create must never be
                // repeated blindly), so only CountCalls retries, never the transport.
                .disableAutomaticRetries()
                .useSystemProperties();
        if (settings.proxy() == null && jvmSetsNoProxy(ProxySelector.getDefault(), System::getProperty)) {
            /*
             * useSystemProperties() routes every request through the JVM's ProxySelector, which reads the proxy
             * system properties again for each one (a few percent of a call's CPU). When the JVM's own selector
             * has no proxy to give, the direct route is decided here, once; a proxy property set after the first
             * count: endpoint started is then not seen until the component restarts.
             */
            builder.setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE));
        }
        this.http = builder.build();
    }

    /**
     * Whether the JVM sends requests to COUNT without a proxy: its ProxySelector is the JDK's own (not one the
     * application installed, which may decide per request), no proxy system property is set, and it answers a direct
     * connection for both schemes (which also covers {@code java.net.useSystemProxies} finding no system proxy).
     *
     * @param property reads a system property
     */
    static boolean jvmSetsNoProxy(ProxySelector selector, UnaryOperator<String> property) {
        if (selector == null || !selector.getClass().getName().equals(JDK_PROXY_SELECTOR)) {
            return false;
        }
        for (String name : PROXY_PROPERTIES) {
            String value = property.apply(name);
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        for (URI probe : PROXY_PROBES) {
            List<Proxy> proxies = selector.select(probe);
            if (proxies.size() != 1 || proxies.get(0).type() != Proxy.Type.DIRECT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Connection pool, timeouts, TLS and proxy, shared by every endpoint of one component.
     *
     * @param sslContext {@code null} for the JVM's default TLS settings
     * @param proxy      {@code null} for a direct connection (or the JVM's proxy system properties)
     */
    public record HttpSettings(long connectTimeoutMillis, long responseTimeoutMillis, int maxConnections,
                               SSLContext sslContext, HttpHost proxy) {
    }

    /**
     * @param bearer the access token, or {@code null} for the token routes, which are signed but carry none
     */
    HttpAnswer execute(String baseUrl, String clientId, String clientSecret, String bearer, CountRequest request)
            throws CountConnectionException {
        HttpUriRequestBase call = new HttpUriRequestBase(request.method(), URI.create(baseUrl + request.path()));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        call.setHeader("x-client-id", clientId);
        call.setHeader("x-timestamp", timestamp);
        call.setHeader("x-signature",
                RequestSigner.sign(clientSecret, request.method(), request.path(), timestamp, request.signedBody()));
        if (bearer != null) {
            call.setHeader("Authorization", "Bearer " + bearer);
        }
        call.setHeader("Accept", "application/json");
        if (request.content() instanceof RequestContent.Json json) {
            call.setEntity(new ByteArrayEntity(json.bytes(), JSON));
        } else if (request.content() instanceof RequestContent.Files files) {
            MultipartEntityBuilder multipart = MultipartEntityBuilder.create();
            for (RequestContent.FilePart part : files.parts()) {
                multipart.addBinaryBody(DOCUMENTS_PART, part.bytes(), ContentType.parse(part.contentType()), part.fileName());
            }
            call.setEntity(multipart.build());
        }
        try {
            return http.execute(call, response -> new HttpAnswer(response.getCode(), response.getReasonPhrase(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity()),
                    headerValue(response.getFirstHeader("X-Request-Id")),
                    headerValue(response.getFirstHeader("Retry-After"))));
        } catch (ConnectException | ConnectTimeoutException | UnknownHostException | ConnectionRequestTimeoutException notSent) {
            throw new CountConnectionException(notSent, false);
        } catch (IOException lost) {
            throw new CountConnectionException(lost, true);
        }
    }

    private static String headerValue(Header header) {
        return header == null ? null : header.getValue();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}

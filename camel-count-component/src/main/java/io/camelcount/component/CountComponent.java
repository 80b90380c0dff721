package io.camelcount.component;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.camelcount.component.http.CallListener;
import io.camelcount.component.http.CountHttpClient;
import io.camelcount.component.http.RateLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.core5.http.HttpHost;

/**
 * The {@code count:} component. Owns what every endpoint shares: the pooled HTTP client, through
 * {@link #getConfiguration()} the credentials set once for all routes, and through {@link CountConnections} what is
 * shared per client ID across the JVM (the rate limiter, the token managers).
 */
@Component("count")
public class CountComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** A Micrometer class: when it is missing, the component never touches {@link CountMeters}. */
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    @Metadata(description = "Options shared by every endpoint of this component; an endpoint URI overrides them.")
    private CountConfiguration configuration = new CountConfiguration();

    @Metadata(label = "advanced", defaultValue = "10000",
              description = "How long to wait for a connection to COUNT, in milliseconds.")
    private long connectTimeout = 10_000;

    @Metadata(label = "advanced", defaultValue = "60000",
              description = "How long to wait for COUNT's answer once the request is sent, in milliseconds.")
    private long responseTimeout = 60_000;

    @Metadata(label = "advanced", defaultValue = "20",
              description = "The most connections to COUNT open at once, for all endpoints of this component together.")
    private int maxConnections = 20;

    @Metadata(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to COUNT, such as a"
                            + " sandbox with a private certificate authority. Without them the JVM's defaults apply.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the Camel context's global SSL context parameters when sslContextParameters is not set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "proxy", description = "The host of an HTTP proxy to reach COUNT through.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The port of the HTTP proxy; required with proxyHost.")
    private Integer proxyPort;

    private CountHttpClient httpClient;
    private Clock clock;
    private RateLimiter.Sleeper sleeper = RateLimiter.Sleeper.SYSTEM;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CountConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setApiName(remaining);
        CountEndpoint endpoint = new CountEndpoint(uri, this, endpointConfiguration);
        refuseUnknownChoices(remaining + "/" + parameters.get("operation"), parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** An enum-typed option given a value it does not take fails with the choices, not Camel's conversion error. */
    private void refuseUnknownChoices(String operation, Map<String, Object> parameters) {
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) getEndpointPropertyConfigurer();
        parameters.forEach((name, value) -> {
            Class<?> type = options.getOptionType(name, true);
            if (type != null && type.isEnum() && value instanceof String text) {
                String expected = DescribedChoice.refusal(type, text);
                if (expected != null) {
                    throw new IllegalArgumentException("The count: option " + name + " is '" + text + "' for "
                                                       + operation + "; it must be " + expected);
                }
            }
        });
    }

    synchronized CountHttpClient httpClient() {
        if (httpClient == null) {
            httpClient = new CountHttpClient(new CountHttpClient.HttpSettings(connectTimeout, responseTimeout, maxConnections,
                    sslContext(), proxy()), clock());
        }
        return httpClient;
    }

    /**
     * Whom the calls of a producer or consumer on {@code connection} tell how they went: the connection's activity and,
     * when the application has Micrometer and a MeterRegistry, the component's meters (looked up as each producer or
     * consumer starts, since the application may bind its registry after the component started).
     */
    CallListener callListener(CountConnections.Hold connection) {
        if (getCamelContext().getClassResolver().resolveClass(MICROMETER) == null) {
            return connection.activity();
        }
        return CallListener.all(List.of(connection.activity(), CountMeters.in(getCamelContext())));
    }

    /** Holds the connection {@code configuration} names, for a producer or consumer while it runs. */
    CountConnections.Hold connect(CountConfiguration configuration) {
        return CountConnections.JVM.hold(this, configuration, true);
    }

    /**
     * Holds the connection of this component's configuration (its client ID at its base URL) until the answer is
     * closed, as a started endpoint does but without its tokens: while held, the client ID's rate limiter keeps what
     * it counted however often routes stop and start, and tells what COUNT's rate limit cost them.
     */
    public CountConnections.Hold holdConnection() {
        return CountConnections.JVM.hold(this, configuration, false);
    }

    private SSLContext sslContext() {
        SSLContextParameters parameters = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        if (parameters == null) {
            return null;
        }
        try {
            return parameters.createSSLContext(getCamelContext());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The count: component's sslContextParameters cannot make a TLS context: "
                                               + e.getMessage(), e);
        }
    }

    private HttpHost proxy() {
        if (proxyHost == null || proxyHost.isBlank()) {
            return null;
        }
        if (proxyPort == null) {
            throw new IllegalArgumentException("The count: component has proxyHost " + proxyHost
                                               + " but no proxyPort: set camel.component.count.proxy-port");
        }
        return new HttpHost(proxyHost, proxyPort);
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    Clock clock() {
        return clock != null ? clock : Clock.systemUTC();
    }

    /** The clock a test set, or {@code null}: the rate limiter then keeps its monotonic clock. */
    Clock clockOverride() {
        return clock;
    }

    /** The clock that timestamps signatures and decides when tokens are due for refresh; for tests. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    RateLimiter.Sleeper sleeper() {
        return sleeper;
    }

    /** How the component waits before a retry; for tests that must not wait for real. */
    public void setSleeper(RateLimiter.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (httpClient != null) {
            httpClient.close();
            httpClient = null;
        }
        super.doStop();
    }

    public CountConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(CountConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }
}

package io.camelcount.component;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperations;
import io.camelcount.component.auth.GrantKey;
import io.camelcount.component.http.CountCalls;
import io.camelcount.component.webhook.WebhookEvents;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.URISupport;

/**
 * Create, approve and send invoices and credit memos in COUNT, the cloud accounting product, through
 * its partner Invoices API.
 */
// firstVersion is read by Camel tooling as the Camel release that first shipped the component, not as this
// artifact's version: the component first ran on Camel 4.18.0.
@UriEndpoint(firstVersion = "4.18.0", scheme = "count", title = "COUNT", syntax = "count:apiName",
             category = { Category.SAAS, Category.FINANCE }, headersClass = CountConstants.class)
public class CountEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** COUNT allows 100 requests a minute per client ID; a poll a minute leaves most of them to the routes. */
    static final long DEFAULT_POLL_DELAY = 60_000;

    @UriParam
    private final CountConfiguration configuration;

    /**
     * Declared here only so that Camel tooling shows this endpoint's default: ScheduledPollEndpoint documents 500 and,
     * left unset, polls every 500 ms (its getDefaultDelay() is not what its consumers use), so the constructor sets
     * it. The value lives in ScheduledPollEndpoint, which configures the consumer; see {@link #setDelay(long)}.
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY,
              description = "Milliseconds before the next poll. A minute by default, so that polling leaves most of"
                            + " COUNT's 100 requests a minute per client ID to the routes.")
    private long delay = DEFAULT_POLL_DELAY;

    private CountOperation operation;

    /** Enough to remember a large workspace's records in memory; the file keeps all of them. */
    private static final int SEEN_CACHE_SIZE = 100_000;
    private static final long SEEN_FILE_MAX_BYTES = 512L * 1024 * 1024;
    /** COUNT retries a delivery for about nine hours (contract §8); enough IDs for a busy workspace's day. */
    private static final int DELIVERY_CACHE_SIZE = 100_000;
    private static final String WEBHOOKS = "webhooks";

    public CountEndpoint(String uri, CountComponent component, CountConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_POLL_DELAY);
    }

    /** Fails the route's start, not its first message, when the endpoint cannot work. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (isWebhookReceiver()) {
            initWebhookReceiver();
            return;
        }
        operation = CountOperations.of(configuration.getApiName(), configuration.getOperation());
        requireConnection();
        for (String filter : operation.queryParameters()) {
            if (filterOptions().getOptionType(filter, false) == null) {
                throw new IllegalStateException("The operation table gives " + operation + " the filter " + filter
                                                + ", but the count: component has no option " + filter
                                                + ": add it to CountConfiguration and regenerate src/generated");
            }
        }
        atLeast("rateLimit", configuration.getRateLimit(), 0, "requests per window, 0 to turn the limiter off");
        atLeast("rateLimitWindow", configuration.getRateLimitWindow(), 1, "milliseconds");
        atLeast("maxRetries", configuration.getMaxRetries(), 0, "repeats, 0 for none");
        atLeast("retryBackoff", configuration.getRetryBackoff(), 0, "milliseconds");
        atLeast("maxRetryAfter", configuration.getMaxRetryAfter(), 0, "milliseconds");
        atLeast("tokenRefreshMargin", configuration.getTokenRefreshMargin(), 0, "milliseconds");
        atLeast("customerCacheTtl", configuration.getCustomerCacheTtl(), 0, "milliseconds, 0 to always ask COUNT");
    }

    private void requireConnection() {
        requireOption("clientId", configuration.getClientId());
        requireOption("clientSecret", configuration.getClientSecret());
        if (!CountConnections.usesLoginGrant(configuration)) {
            requireOption("accessToken", configuration.getAccessToken());
        }
        requireOption("baseUrl", configuration.getBaseUrl());
        if (!configuration.getBaseUrl().matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw invalid("baseUrl", configuration.getBaseUrl(),
                    "an http(s) URL without /partners, such as https://api.getcount.com");
        }
    }

    /** {@code count:webhooks} without an operation: what only receives needs no connection to COUNT. */
    private boolean isWebhookReceiver() {
        return WEBHOOKS.equals(configuration.getApiName()) && configuration.getOperation() == null;
    }

    private void initWebhookReceiver() {
        try {
            WebhookEvents.parse(configuration.getEvents());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The count: option events of count:webhooks has " + e.getMessage(), e);
        }
        requireOption("signingSecret", configuration.getSigningSecret());
        String path = configuration.getWebhookPath();
        if (path == null || !path.matches("/[^?#\\s{}*]*")) {
            throw invalid("webhookPath", path, "a path from /, such as /count/webhooks");
        }
        if (configuration.isSubscribe()) {
            requireOption("callbackUrl", configuration.getCallbackUrl());
            requireConnection();
        }
    }

    private void atLeast(String name, long value, long minimum, String unit) {
        if (value < minimum) {
            throw invalid(name, String.valueOf(value), "a whole number of " + unit + " from " + minimum);
        }
    }

    private IllegalArgumentException invalid(String name, String value, String expected) {
        return new IllegalArgumentException("The count: option " + name + " is '" + value + "' for " + usage()
                                            + "; it must be " + expected);
    }

    /** What the endpoint is for, as errors name it: {@code invoices/send}, or the webhook receiver. */
    private String usage() {
        return operation != null ? operation.toString() : "count:" + configuration.getApiName();
    }

    private void requireOption(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The count: option " + name + " is required for " + usage()
                                               + ": set it on the endpoint URI or once for all routes as camel.component.count."
                                               + name);
        }
    }

    @Override
    public Producer createProducer() {
        if (operation == null) {
            throw new IllegalArgumentException("to(\"count:" + configuration.getApiName() + "\") needs an operation: "
                                               + CountOperations.all().stream().filter(row -> row.api().equals(WEBHOOKS))
                                                       .map(CountOperation::name).toList());
        }
        return new CountProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (WEBHOOKS.equals(configuration.getApiName())) {
            if (operation != null) {
                throw new IllegalArgumentException("from(\"count:webhooks?operation=" + operation.name() + "\") cannot"
                                                   + " consume: from(\"count:webhooks?events=...\") receives COUNT's"
                                                   + " deliveries and takes no operation");
            }
            CountWebhookConsumer consumer = new CountWebhookConsumer(this, processor);
            configureConsumer(consumer);
            return consumer;
        }
        if (operation.resultShape() != CountOperation.ResultShape.PAGE) {
            throw new IllegalArgumentException("from(\"count:" + operation.api() + "?operation=" + operation.name()
                                               + "\") cannot poll: a count: consumer polls a list, so use operation=list");
        }
        CountConsumer consumer = new CountConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    /** What the consumer has already emitted, so that a restart emits only what changed meanwhile. */
    IdempotentRepository seenRepository() {
        if (configuration.getIdempotentRepository() != null) {
            return configuration.getIdempotentRepository();
        }
        String file = configuration.getSeenFile();
        if (file == null || file.isBlank()) {
            file = ".camel-count/seen-" + configuration.getApiName() + "-"
                   + fingerprint(URISupport.sanitizeUri(getEndpointUri())) + ".dat";
        }
        return FileIdempotentRepository.fileIdempotentRepository(new File(file), SEEN_CACHE_SIZE, SEEN_FILE_MAX_BYTES);
    }

    /** The webhook deliveries already routed: the configured repository, else one in memory. */
    IdempotentRepository deliveryRepository() {
        return configuration.getIdempotentRepository() != null ? configuration.getIdempotentRepository()
                : MemoryIdempotentRepository.memoryIdempotentRepository(DELIVERY_CACHE_SIZE);
    }

    @Override
    public CountComponent getComponent() {
        return (CountComponent) super.getComponent();
    }

    public CountConfiguration getConfiguration() {
        return configuration;
    }

    CountOperation operation() {
        return operation;
    }

    /** Reads this endpoint's options by name, as Camel's tooling lists them: how the filters of a call are read. */
    PropertyConfigurerGetter filterOptions() {
        return (PropertyConfigurerGetter) getComponent().getEndpointPropertyConfigurer();
    }

    /** Holds this endpoint's connection while a producer or consumer runs; they close it when they stop. */
    CountConnections.Hold connect() {
        return getComponent().connect(configuration);
    }

    /** The calls for this endpoint's credentials, through the rate limiter and tokens of its connection. */
    CountCalls createCalls(CountConnections.Hold connection) {
        CountComponent component = getComponent();
        return new CountCalls(component.httpClient(), baseUrl(configuration), configuration.getClientId(),
                configuration.getClientSecret(), connection.accessTokens(), connection.rateLimiter(),
                new CountCalls.RetrySettings(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryBackoff()),
                        Duration.ofMillis(configuration.getMaxRetryAfter())),
                component.sleeper(), component.callListener(connection));
    }

    /** A short, stable name for a secret (a refresh token, an endpoint URI with credentials) that does not reveal it. */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The base URL as calls and the token store's keys spell it: without a trailing slash. */
    static String baseUrl(CountConfiguration configuration) {
        return GrantKey.baseUrl(configuration.getBaseUrl());
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}

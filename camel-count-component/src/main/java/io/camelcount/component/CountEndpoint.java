package io.camelcount.component;

import io.camelcount.component.api.CountOperation;
import io.camelcount.component.http.CountCredentials;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Create, approve and send invoices and credit memos in COUNT, the cloud accounting product, through
 * its partner Invoices API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "count", title = "COUNT", syntax = "count:apiName",
             category = { Category.SAAS }, producerOnly = true, headersClass = CountConstants.class)
public class CountEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private final CountConfiguration configuration;

    private CountOperation operation;

    public CountEndpoint(String uri, CountComponent component, CountConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** Fails the route's start, not its first message, when the endpoint cannot work. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        operation = CountOperation.of(configuration.getApiName(), configuration.getOperation());
        requireOption("clientId", configuration.getClientId());
        requireOption("clientSecret", configuration.getClientSecret());
        requireOption("accessToken", configuration.getAccessToken());
        requireOption("baseUrl", configuration.getBaseUrl());
    }

    private void requireOption(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The count: option " + name + " is required for " + operation
                                               + ": set it on the endpoint URI or once for all routes as camel.component.count."
                                               + name);
        }
    }

    @Override
    public Producer createProducer() {
        return new CountProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The count: component has no consumer yet; use it in to(...) steps");
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

    CountCredentials credentials() {
        return new CountCredentials(configuration.getClientId(), configuration.getClientSecret(),
                configuration.getAccessToken());
    }

    String baseUrl() {
        String baseUrl = configuration.getBaseUrl();
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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

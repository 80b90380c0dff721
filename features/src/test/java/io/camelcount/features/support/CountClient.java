package io.camelcount.features.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConfiguration;
import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One scenario's way into COUNT: the {@code count:} component in a Camel context of its own, so the
 * features prove the component and not a hand-written HTTP client.
 */
public class CountClient implements AutoCloseable {

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    /** The target's own connection (picocontainer makes one per scenario). */
    public CountClient() {
        this(CountTarget::applyClock, configuration -> {
        });
    }

    /**
     * A connection to the target with the target's credentials, then {@code customise} applied to the component's
     * configuration (other credentials, rate limit, token store...).
     */
    public static CountClient customised(Consumer<CountConfiguration> customise) {
        return new CountClient(CountTarget::applyClock, customise);
    }

    /** As {@link #customised}, with the component itself set up by {@code component} (its clock, its sleeper). */
    public static CountClient customised(Consumer<CountComponent> component, Consumer<CountConfiguration> customise) {
        return new CountClient(component, customise);
    }

    private CountClient(Consumer<CountComponent> component, Consumer<CountConfiguration> customise) {
        CountComponent count = new CountComponent();
        CountConfiguration configuration = count.getConfiguration();
        configuration.setBaseUrl(CountTarget.baseUrl());
        configuration.setClientId(CountTarget.clientId());
        configuration.setClientSecret(CountTarget.clientSecret());
        configuration.setAccessToken(CountTarget.accessToken());
        configuration.setRefreshToken(CountTarget.refreshToken());
        if (!CountTarget.tokenFile().isBlank()) {
            configuration.setTokenFile(CountTarget.tokenFile());
        }
        component.accept(count);
        customise.accept(configuration);
        camel.addComponent("count", count);
        camel.start();
        template = camel.createProducerTemplate();
    }

    public CamelContext camel() {
        return camel;
    }

    /**
     * Calls {@code count:invoices?operation=...}; COUNT's refusals surface as the component's exceptions.
     */
    public Invoice invoices(String operation, String uuid, Object body) {
        return call("invoices", operation, uuid, body, Invoice.class);
    }

    /** Calls {@code count:<api>?operation=<operation>} on the resource {@code uuid} (may be null). */
    public <T> T call(String api, String operation, String uuid, Object body, Class<T> type) {
        Map<String, Object> headers = new HashMap<>();
        if (uuid != null) {
            headers.put(CountConstants.UUID, uuid);
        }
        return exchange("count:" + api + "?operation=" + operation, body, headers).getBody(type);
    }

    /** Sends one message to a {@code count:} endpoint URI and answers the reply, headers included. */
    public Message exchange(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
        Exception failure = exchange.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return exchange.getMessage();
    }

    @Override
    public void close() {
        camel.stop();
    }
}

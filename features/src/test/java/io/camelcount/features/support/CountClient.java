package io.camelcount.features.support;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConfiguration;
import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One scenario's way into COUNT: the {@code count:} component in a Camel context of its own, so the
 * features prove the component and not a hand-written HTTP client.
 */
public class CountClient implements AutoCloseable {

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    public CountClient() {
        CountComponent count = new CountComponent();
        CountConfiguration configuration = count.getConfiguration();
        configuration.setBaseUrl(CountTarget.baseUrl());
        configuration.setClientId(CountTarget.CLIENT_ID);
        configuration.setClientSecret(CountTarget.CLIENT_SECRET);
        configuration.setAccessToken(CountTarget.ACCESS_TOKEN);
        camel.addComponent("count", count);
        camel.start();
        template = camel.createProducerTemplate();
    }

    /**
     * Calls {@code count:invoices?operation=...}; COUNT's refusals surface as the component's exceptions.
     */
    public Invoice invoices(String operation, String uuid, Object body) {
        try {
            return template.requestBodyAndHeader("count:invoices?operation=" + operation, body, CountConstants.UUID, uuid,
                    Invoice.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        camel.stop();
    }
}

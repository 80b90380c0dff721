package io.camelcount.kamelets;

import java.util.List;
import java.util.Map;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConfiguration;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The mock COUNT's demo workspace: the count component's connection to it, as camel.component.count.* would set
 * it, and its invoices.
 */
final class DemoConnection {

    private DemoConnection() {
    }

    static void configure(CamelContext camel, CountMockServer mock) {
        CountConfiguration configured = camel.getComponent("count", CountComponent.class).getConfiguration();
        configured.setBaseUrl(mock.baseUrl());
        configured.setClientId(DemoWorkspace.CLIENT_ID);
        configured.setClientSecret(DemoWorkspace.CLIENT_SECRET);
        configured.setAccessToken(DemoWorkspace.ACCESS_TOKEN);
        configured.setRefreshToken(DemoWorkspace.REFRESH_TOKEN);
    }

    /** Creates an approved invoice of the demo workspace, dated today, through the given create endpoint; its UUID. */
    static String approvedInvoice(ProducerTemplate template, String createUri, Workspace workspace, String notes) {
        Map<String, Object> request = Map.of("customerUuid", DemoWorkspace.ACME_TRADING.toString(), "date",
                workspace.today().toString(), "isDraft", false, "notes", notes,
                "products", List.of(Map.of("productUuid", DemoWorkspace.CONSULTING_HOUR.toString(), "quantity", 1,
                        "unitPrice", 100)));
        return template.requestBody(createUri, request, Invoice.class).getUuid();
    }
}

package io.camelcount.routes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelcount.component.CountComponent;
import io.camelcount.component.CountConfiguration;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The count: consumer driven by camel-quartz's cron scheduler (scheduler=quartz&scheduler.cron=...), as a
 * YAML route would set it, instead of its own fixed delay.
 */
class QuartzScheduledConsumerTest {

    @TempDir
    Path folder;

    private CountMockServer mock;
    private CamelContext camel;

    @BeforeEach
    void start() {
        mock = CountMockServer.builder().port(0).start();
        camel = new DefaultCamelContext();
        CountConfiguration connection = camel.getComponent("count", CountComponent.class).getConfiguration();
        connection.setBaseUrl(mock.baseUrl());
        connection.setClientId(DemoWorkspace.CLIENT_ID);
        connection.setClientSecret(DemoWorkspace.CLIENT_SECRET);
        connection.setAccessToken(DemoWorkspace.ACCESS_TOKEN);
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        mock.stop();
    }

    @Test
    void aCronScheduleDrivesThePolls() throws Exception {
        Invoice approved = camel.createProducerTemplate().requestBody("count:invoices?operation=create", Map.of(
                "customerUuid", DemoWorkspace.ACME_TRADING.toString(), "date", mock.demoWorkspace().today().toString(),
                "isDraft", false, "products", List.of(Map.of("productUuid", DemoWorkspace.CONSULTING_HOUR.toString(),
                        "quantity", 1, "unitPrice", 120))), Invoice.class);
        List<Invoice> emitted = new CopyOnWriteArrayList<>();
        String seen = folder.resolve("seen.dat").toString();

        RouteBuilder.addRoutes(camel, routes -> routes
                .from("count:invoices?operation=list&status=approved&scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?"
                      + "&seenFile=" + seen)
                .routeId("approved-invoices")
                .process(exchange -> emitted.add(exchange.getMessage().getBody(Invoice.class))));

        await().atMost(Duration.ofSeconds(10)).until(() -> !emitted.isEmpty());
        assertThat(emitted).extracting(Invoice::getUuid).containsExactly(approved.getUuid());
        assertThat(camel.hasComponent("quartz")).as("the polls are Quartz jobs").isInstanceOf(QuartzComponent.class);
        assertThat(((QuartzComponent) camel.getComponent("quartz")).getScheduler().getJobGroupNames()).isNotEmpty();
    }
}

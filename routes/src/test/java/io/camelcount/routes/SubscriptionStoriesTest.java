package io.camelcount.routes;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import io.camelcount.component.model.RecurringInvoiceTemplate;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subscription events driving recurring invoice templates, as the demo application runs them against the
 * embedded mock COUNT.
 */
class SubscriptionStoriesTest {

    static final String GLOBEX = "0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7082";
    static final String SUPPORT_PLAN = "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c02";

    @TempDir
    Path folder;

    private CountDemoApplication demo;
    private ProducerTemplate template;

    @BeforeEach
    void startDemo() {
        demo = new CountDemoApplication(Map.of("COUNT_MOCK_PORT", "0"));
        demo.main().addOverrideProperty("count.demo.inbox", folder.resolve("inbox").toString());
        demo.main().addOverrideProperty("count.state-dir", folder.resolve("state").toString());
        demo.main().start();
        template = demo.main().getCamelContext().createProducerTemplate();
    }

    @AfterEach
    void stopDemo() {
        demo.main().stop();
        demo.close();
    }

    private RecurringInvoiceTemplate event(String json) {
        return template.requestBody("direct:subscription-event", json, RecurringInvoiceTemplate.class);
    }

    @Test
    void aSubscriptionIsCreatedActivePausedAndResumed() {
        RecurringInvoiceTemplate created = event("""
                {"event": "created", "customerUuid": "%s", "productUuid": "%s", "price": 49.5, "pattern": "monthly",
                 "startDate": "%s"}""".formatted(GLOBEX, SUPPORT_PLAN, LocalDate.now().plusDays(7)));
        assertThat(created.getIsDraft()).as("active").isFalse();
        assertThat(created.getRecurrencePattern()).isEqualTo("monthly");
        assertThat(created.getNextRunDate()).isNotNull();

        RecurringInvoiceTemplate paused = event("{\"event\": \"paused\", \"templateUuid\": \"" + created.getUuid() + "\"}");
        assertThat(paused.getIsDraft()).as("paused").isTrue();

        RecurringInvoiceTemplate resumed = event("{\"event\": \"resumed\", \"templateUuid\": \"" + created.getUuid() + "\"}");
        assertThat(resumed.getIsDraft()).as("active again").isFalse();
        assertThat(resumed.getUuid()).isEqualTo(created.getUuid());
    }

    @Test
    void anUnknownEventIsRefusedByName() {
        assertThatThrownBy(() -> event("{\"event\": \"upgraded\"}"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown subscription event 'upgraded': expected created, paused or resumed");
    }
}

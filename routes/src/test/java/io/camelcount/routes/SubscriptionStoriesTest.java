package io.camelcount.routes;


import io.camelcount.component.model.RecurringInvoiceTemplate;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subscription events driving recurring invoice templates, as the demo application runs them against the
 * embedded mock COUNT.
 */
class SubscriptionStoriesTest {

    @RegisterExtension
    final RunningDemo demo = new RunningDemo();

    private RecurringInvoiceTemplate event(String json) {
        return demo.template().requestBody("direct:subscription-event", json, RecurringInvoiceTemplate.class);
    }

    @Test
    void aSubscriptionIsCreatedActivePausedAndResumed() {
        RecurringInvoiceTemplate created = event("""
                {"event": "created", "customerUuid": "%s", "productUuid": "%s", "price": 49.5, "pattern": "monthly",
                 "startDate": "%s"}""".formatted(DemoWorkspace.GLOBEX_SERVICES, DemoWorkspace.SUPPORT_PLAN, demo.workspace().today().plusDays(7)));
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

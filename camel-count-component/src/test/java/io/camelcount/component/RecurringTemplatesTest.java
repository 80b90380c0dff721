package io.camelcount.component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.RecurringInvoiceTemplate;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recurring invoice templates: created paused, resumed, paused again, and the invoices COUNT issues while
 * one is active (the mock's clock is moved, never waited for).
 */
class RecurringTemplatesTest extends MockCountTestSupport {

    static final MockClock CLOCK = MockClock.fixed(Instant.parse("2026-11-24T09:00:00Z"));

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(CLOCK).rateLimit(0));
    }

    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.setClock(CLOCK);
        return count;
    }

    private RecurringInvoiceTemplate template(String uri, Object body, String uuid) {
        return result(uri, body, uuid, RecurringInvoiceTemplate.class);
    }

    private RecurringInvoiceTemplate monthlyTemplate(String notes) {
        Invoice lines = invoiceRequest(GLOBEX, SUPPORT_PLAN, "1", "49.50");
        RecurringInvoiceTemplate request = new RecurringInvoiceTemplate();
        request.setCustomerUuid(lines.getCustomerUuid());
        request.setDate(lines.getDate());
        request.setProducts(lines.getProducts());
        request.setNotes(notes);
        request.setRecurrencePattern("monthly");
        return template("count:recurring-invoice-templates?operation=create", request, null);
    }

    @Test
    void aNewTemplateIsPausedUntilResumedAndCanBePausedAgain() {
        RecurringInvoiceTemplate created = monthlyTemplate("support subscription");
        assertThat(created.getIsDraft()).isTrue();

        RecurringInvoiceTemplate resumed = template("count:recurring-invoice-templates?operation=resume", null,
                created.getUuid());
        assertThat(resumed.getIsDraft()).isFalse();
        assertThat(resumed.getNextRunDate()).isNotNull();

        Exchange resumedTwice = call("count:recurring-invoice-templates?operation=resume", null, created.getUuid());
        assertThat(resumedTwice.getException()).isInstanceOf(CountValidationException.class);

        RecurringInvoiceTemplate paused = template("count:recurring-invoice-templates?operation=pause", null,
                created.getUuid());
        assertThat(paused.getIsDraft()).isTrue();
    }

    @Test
    void anActiveTemplateIssuesDraftInvoicesAsTimePasses() {
        String notes = "issued-" + System.nanoTime();
        RecurringInvoiceTemplate created = monthlyTemplate(notes);
        template("count:recurring-invoice-templates?operation=resume", null, created.getUuid());

        CLOCK.advance(Duration.ofDays(65));
        Page<?> issued = callWith("count:invoices?operation=list&search=" + notes, null, Map.of()).getMessage()
                .getBody(Page.class);

        assertThat(issued.records()).isNotEmpty()
                .allSatisfy(invoice -> assertThat(((Invoice) invoice).getStatus()).isEqualTo("draft"));
        assertThat(template("count:recurring-invoice-templates?operation=get", null, created.getUuid()).getLastRunDate())
                .isNotNull();
    }

    @Test
    void templatesAreListedUpdatedAndDeleted() {
        RecurringInvoiceTemplate created = monthlyTemplate("to delete");

        Page<?> all = callWith("count:recurring-invoice-templates?operation=list&isDraft=all", null, Map.of())
                .getMessage().getBody(Page.class);
        assertThat(all.records()).extracting(t -> ((RecurringInvoiceTemplate) t).getUuid()).contains(created.getUuid());

        RecurringInvoiceTemplate updated = template("count:recurring-invoice-templates?operation=update",
                Map.of("recurrencePattern", "quarterly"), created.getUuid());
        assertThat(updated.getRecurrencePattern()).isEqualTo("quarterly");

        call("count:recurring-invoice-templates?operation=delete", null, created.getUuid());
        assertThat(call("count:recurring-invoice-templates?operation=get", null, created.getUuid()).getException())
                .isInstanceOf(CountNotFoundException.class);
    }
}

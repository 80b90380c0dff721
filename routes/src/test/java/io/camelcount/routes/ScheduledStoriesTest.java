package io.camelcount.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.domain.SentEmail;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.apache.camel.builder.Builder.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled stories and the payment watcher, as the demo application runs them against the embedded
 * mock COUNT. The schedules are not waited for: the tests call the routes the schedules trigger.
 */
class ScheduledStoriesTest {

    @RegisterExtension
    final RunningDemo demo = new RunningDemo().with("count.payment-watcher.delay", "100");

    private CamelContext camel;
    private ProducerTemplate template;
    private Workspace workspace;

    @BeforeEach
    void demoParts() {
        camel = demo.camel();
        template = demo.template();
        workspace = demo.workspace();
    }

    private Invoice create(String notes, boolean approved, LocalDate date, LocalDate dueDate) {
        Map<String, Object> request = Map.of("customerUuid", DemoWorkspace.ACME_TRADING.toString(), "date", date.toString(), "dueDate",
                dueDate.toString(), "notes", notes, "isDraft", !approved,
                "products", List.of(Map.of("productUuid", DemoWorkspace.CONSULTING_HOUR.toString(), "quantity", 1, "unitPrice", 100)));
        return template.requestBody("count:invoices?operation=create", request, Invoice.class);
    }

    private List<SentEmail> emailsFor(String invoiceUuid) {
        return workspace.outbox().stream().filter(email -> email.invoiceUuid().toString().equals(invoiceUuid)).toList();
    }

    @Test
    void theNightlySendSendsApprovedInvoicesOnlyAndOnlyOnce() {
        LocalDate today = workspace.today();
        Invoice approved = create("nightly", true, today, today.plusDays(30));
        Invoice draft = create("nightly", false, today, today.plusDays(30));

        template.sendBody("direct:send-approved-invoices", null);
        template.sendBody("direct:send-approved-invoices", null);

        Invoice afterwards = template.requestBodyAndHeader("count:invoices?operation=get", null, CountConstants.UUID,
                approved.getUuid(), Invoice.class);
        assertThat(afterwards.getStatus()).isEqualTo("sent");
        assertThat(emailsFor(approved.getUuid())).as("sent once: the second run finds it sent").hasSize(1);
        assertThat(emailsFor(draft.getUuid())).isEmpty();
    }

    @Test
    void overdueInvoicesAreSentAgainWithAReminder() {
        LocalDate today = workspace.today();
        Invoice overdue = create("overdue", true, today.minusDays(40), today.minusDays(10));
        Invoice notYetDue = create("not due", true, today, today.plusDays(10));
        assertThat(overdue.getStatus()).isEqualTo("overdue");

        template.sendBody("direct:send-overdue-reminders", null);

        assertThat(emailsFor(overdue.getUuid())).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("Reminder: invoice " + overdue.getInvoiceNumber() + " is overdue");
            assertThat(email.message()).contains(overdue.getDueDate().toString(), "100");
        });
        assertThat(emailsFor(notYetDue.getUuid())).isEmpty();
    }

    @Test
    void thePaymentWatcherHandsOnEachPaidInvoiceOnce() throws Exception {
        LocalDate today = workspace.today();
        Invoice invoice = create("watched " + UUID.randomUUID(), true, today, today.plusDays(30));
        // The watcher's first poll only remembers what is already paid; pay after it, as a customer would.
        Path seen = demo.stateDir().resolve("paid-invoices.dat");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(seen) && Files.size(seen) > 0);
        NotifyBuilder paid = new NotifyBuilder(camel).fromRoute("payment-watcher")
                .filter(simple("${body.uuid} == '" + invoice.getUuid() + "'"))
                .whenCompleted(1).create();

        workspace.payBalance(UUID.fromString(invoice.getUuid()));

        assertThat(paid.matches(10, TimeUnit.SECONDS)).as("the watcher reported the payment").isTrue();

        // Three more polls later, the watcher still remembers exactly one version of the paid invoice.
        ScheduledPollConsumer watcher = (ScheduledPollConsumer) camel.getRoute("payment-watcher").getConsumer();
        long polls = watcher.getCounter();
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.getCounter() >= polls + 3);
        assertThat(Files.readAllLines(seen)).filteredOn(line -> line.startsWith(invoice.getUuid())).hasSize(1);
    }
}

package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceLifecycleTest {

    private final MockClock clock = MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"));
    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(clock).start();
        partner = new PartnerClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void createGetApproveSendMovesFromDraftToApprovedToSent() {
        Reply created = partner.post("/partners/invoices", Bodies.invoice());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("success");
        assertThat(created.text()).contains("\"status\":\"success\",\"message\":\"Invoice created\",\"data\":{\"id\":");
        String uuid = created.dataText("id");
        assertThat(created.dataText("invoiceNumber")).isEqualTo("INV-0001");
        assertThat(created.dataText("status")).isEqualTo("draft");
        assertThat(created.data().get("isDraft").asBoolean()).isTrue();
        assertThat(created.dataText("customerName")).isEqualTo("Acme Trading Ltd");
        assertThat(created.dataText("currency")).isEqualTo("GBP");
        assertThat(created.text()).contains("\"quantity\":2,\"unitPrice\":120,\"amount\":240}")
                .contains("\"subtotal\":240,\"total\":240,\"amountPaid\":0,\"creditsApplied\":0,\"balanceDue\":240")
                .contains("\"createdAt\":\"2026-11-24T10:00:00Z\"");

        Reply fetched = partner.get("/partners/invoices/" + uuid);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.data()).isEqualTo(created.data());

        clock.advance(Duration.ofMinutes(5));
        Reply approved = partner.patch("/partners/invoices/" + uuid + "/approve");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.dataText("status")).isEqualTo("approved");
        assertThat(approved.data().get("approved").asBoolean()).isTrue();
        assertThat(approved.data().get("isDraft").asBoolean()).isFalse();
        assertThat(approved.dataText("updatedAt")).isEqualTo("2026-11-24T10:05:00Z");
        assertThat(approved.dataText("createdAt")).isEqualTo("2026-11-24T10:00:00Z");

        Reply sent = partner.post("/partners/invoices/" + uuid + "/send", null);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.dataText("status")).isEqualTo("sent");
        assertThat(sent.data().get("isSent").asBoolean()).isTrue();
        assertThat(partner.get("/partners/invoices/" + uuid).dataText("status")).isEqualTo("sent");

        assertThat(server.demoWorkspace().outbox()).singleElement().satisfies(email -> {
            assertThat(email.recipients()).containsExactly("billing@acme.example");
            assertThat(email.invoiceNumber()).isEqualTo("INV-0001");
            assertThat(email.attachPdf()).isTrue();
        });
    }
}

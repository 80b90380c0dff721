package io.camelcount.component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.model.Invoice;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The producer against the mock COUNT in strict-signing mode: a request that is not signed exactly as
 * documented, over JavaScript-canonical bytes, is refused.
 */
class CountProducerTest extends MockCountTestSupport {

    @BeforeAll
    static void startStrictMock() {
        startMock(CountMockServer.builder().clock(testDay()).strictSigning(true).rateLimit(0));
    }

    private static Invoice draftRequest() {
        return invoiceRequest(ACME, CONSULTING_HOUR, "2", "120.00");
    }

    @Test
    void anInvoiceGoesFromDraftToApprovedToSent() {
        Exchange created = call("count:invoices?operation=create", draftRequest(), null);
        Invoice draft = created.getMessage().getBody(Invoice.class);
        assertThat(draft.getUuid()).isNotBlank();
        assertThat(draft.getStatus()).isEqualTo("draft");
        assertThat(draft.getTotal()).isEqualByComparingTo("240");
        assertThat(draft.getInvoiceNumber()).isNotBlank();
        assertThat(created.getMessage().getHeader(CountConstants.STATUS)).isEqualTo("draft");
        assertThat(created.getMessage().getHeader(CountConstants.REQUEST_ID, String.class)).isNotBlank();

        Invoice approved = invoice("count:invoices?operation=approve", null, draft.getUuid());
        assertThat(approved.getStatus()).isEqualTo("approved");

        Exchange sent = call("count:invoices?operation=send", null, draft.getUuid());
        assertThat(sent.getMessage().getBody(Invoice.class).getStatus()).isEqualTo("sent");
        assertThat(sent.getMessage().getHeader(CountConstants.STATUS)).isEqualTo("sent");

        Invoice reread = invoice("count:invoices?operation=get", null, draft.getUuid());
        assertThat(reread.getStatus()).isEqualTo("sent");
        assertThat(reread.getIsSent()).isTrue();
        assertThat(reread.getCustomerName()).isEqualTo("Acme Trading Ltd");
    }

    @Test
    void jsonTextWithJavaStyleNumbersIsSentInJavaScriptForm() {
        String json = """
                {
                  "customerUuid": "%s",
                  "date": "2026-11-24",
                  "notes": "Path a/b, café",
                  "products": [ { "productUuid": "%s", "quantity": 2.0, "unitPrice": 120.50 } ]
                }""".formatted(ACME, CONSULTING_HOUR);

        Invoice created = invoice("count:invoices?operation=create", json, null);

        assertThat(created.getTotal()).isEqualByComparingTo("241");
        assertThat(created.getNotes()).isEqualTo("Path a/b, café");
    }

    @Test
    void aMapBodyIsSentInTheOrderItWasWritten() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productUuid", CONSULTING_HOUR);
        line.put("quantity", 1);
        line.put("price", 99.99d);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerUuid", ACME);
        request.put("date", "2026-11-24");
        request.put("products", List.of(line));
        request.put("isDraft", false);

        Invoice created = invoice("count:invoices?operation=create", request, null);

        assertThat(created.getStatus()).isEqualTo("approved");
        assertThat(created.getTotal()).isEqualByComparingTo("99.99");
    }

    @Test
    void sendingADraftFailsNamingTheLifecycleRule() {
        Invoice draft = createDraft();

        Exchange attempt = call("count:invoices?operation=send", null, draft.getUuid());

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getCode()).isEqualTo("invoice_not_approved");
            assertThat(e.getRequestId()).isNotBlank();
            assertThat(e.getMessage()).contains("invoices/send", "invoice_not_approved", "approve", e.getRequestId());
        });
        assertThat(invoice("count:invoices?operation=get", null, draft.getUuid()).getStatus()).isEqualTo("draft");
    }

    @Test
    void approvingTwiceIsRefused() {
        Invoice draft = createDraft();
        invoice("count:invoices?operation=approve", null, draft.getUuid());

        Exchange again = call("count:invoices?operation=approve", null, draft.getUuid());

        assertThat(again.getException()).isInstanceOfSatisfying(CountValidationException.class,
                e -> assertThat(e.getCode()).isEqualTo("invoice_not_draft"));
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        Exchange attempt = call("count:invoices?operation=get", null, UNKNOWN_UUID);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountNotFoundException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void countRejectingAFieldNamesIt() {
        Invoice request = draftRequest();
        request.setDueDate(LocalDate.of(2026, 1, 1));

        Exchange attempt = call("count:invoices?operation=create", request, null);

        // COUNT names the field in its message (contract §2), not in a field of its own.
        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isTrue();
            assertThat(e.getCode()).isEqualTo("validation_failed");
            assertThat(e.getCountMessage()).contains("dueDate");
        });
    }

    @Test
    void theUuidOfAnInvoiceInTheBodyIsUsedWhenNoHeaderIsSet() {
        Invoice draft = createDraft();

        Invoice approved = invoice("count:invoices?operation=approve", draft, null);
        Invoice sent = invoice("count:invoices?operation=send", approved, null);

        assertThat(sent.getUuid()).isEqualTo(draft.getUuid());
        assertThat(sent.getStatus()).isEqualTo("sent");
    }

    @Test
    void sendTakesEmailOptionsFromAMap() {
        Invoice draft = createDraft();
        invoice("count:invoices?operation=approve", null, draft.getUuid());

        Invoice sent = invoice("count:invoices?operation=send", Map.of("recipients", List.of("ap@acme.example"),
                "subject", "Your invoice", "message", "Thank you for your order."), draft.getUuid());

        assertThat(sent.getStatus()).isEqualTo("sent");
        JsonNode email = sentEmail(draft.getUuid());
        assertThat(email.path("recipients")).extracting(JsonNode::asText).containsExactly("ap@acme.example");
        assertThat(email.path("subject").asText()).isEqualTo("Your invoice");
        assertThat(email.path("message").asText()).isEqualTo("Thank you for your order.");
    }

    /** The one email the mock's outbox holds for this invoice, as the admin API shows it. */
    private static JsonNode sentEmail(String invoiceUuid) {
        List<JsonNode> emails = new ArrayList<>();
        admin("GET", "/outbox", null).path("emails").forEach(email -> {
            if (invoiceUuid.equals(email.path("invoiceUuid").asText())) {
                emails.add(email);
            }
        });
        assertThat(emails).as("emails sent for invoice %s", invoiceUuid).hasSize(1);
        return emails.get(0);
    }

    @Test
    void aMissingUuidFailsBeforeAnythingIsSent() {
        Exchange attempt = call("count:invoices?operation=approve", null, null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo(CountConstants.UUID);
            assertThat(e.getMessage()).contains("invoices/approve", "CamelCountUuid");
        });
    }

    @Test
    void aTargetThatIsNotAUuidFailsBeforeAnythingIsSent() {
        Exchange attempt = call("count:invoices?operation=get", null, "../customers");

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class,
                e -> assertThat(e.getMessage()).contains("'../customers'", "not a UUID"));
    }

    @Test
    void aMissingRequiredFieldFailsBeforeAnythingIsSent() {
        Invoice request = draftRequest();
        request.setDate(null);

        Exchange attempt = call("count:invoices?operation=create", request, null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo("date");
        });
    }

    @Test
    void aBodyThatIsNotJsonFailsBeforeAnythingIsSent() {
        Exchange attempt = call("count:invoices?operation=create", "customer=acme", null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("body");
            assertThat(e.getMessage()).contains("not valid JSON");
        });
    }

    @Test
    void aTakenInvoiceNumberFailsOrAnswersTheInvoiceThatHasIt() {
        Invoice request = invoiceRequest(ACME, CONSULTING_HOUR, "1", "120.00");
        request.setInvoiceNumber("DUP-" + java.util.UUID.randomUUID());
        Exchange first = call("count:invoices?operation=create&duplicateInvoiceNumber=answerExisting", request, null);
        Invoice created = first.getMessage().getBody(Invoice.class);
        assertThat(first.getMessage().getHeader(CountConstants.EXISTING)).isNull();

        Exchange refused = call("count:invoices?operation=create", request, null);
        assertThat(refused.getException()).isInstanceOf(CountConflictException.class);

        Exchange answered = callWith("count:invoices?operation=create&duplicateInvoiceNumber=answerExisting", request,
                Map.of(CountConstants.EXISTING, false));
        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getBody(Invoice.class).getUuid()).isEqualTo(created.getUuid());
        assertThat(answered.getMessage().getHeader(CountConstants.EXISTING)).isEqualTo(true);
        assertThat(answered.getMessage().getHeader(CountConstants.STATUS)).isEqualTo("draft");
    }

    @Test
    void anUnknownOperationFailsWhenTheRouteStartsAndListsTheValidOnes() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bill").to("count:invoices?operation=bill");
            }
        })).hasRootCauseMessage("Unknown operation 'bill' for count:invoices. Valid operations: list, create, get, update,"
                                + " delete, approve, send, addAttachments, uploadAttachments, publicLink, applyCredits,"
                                + " applyCreditToInvoices, removeCredit, auditLog, removeTransaction");
    }

    @Test
    void aMissingCredentialFailsWhenTheRouteStartsAndSaysWhereToSetIt() throws Exception {
        try (CamelContext bare = new DefaultCamelContext()) {
            CountComponent count = demoComponent();
            count.getConfiguration().setClientSecret(null);
            bare.addComponent("count", count);

            assertThatThrownBy(() -> {
                bare.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:get").to("count:invoices?operation=get");
                    }
                });
                bare.start();
            }).hasStackTraceContaining("clientSecret is required")
                    .hasStackTraceContaining("camel.component.count.clientSecret");
        }
    }

    @Test
    void aWrongSecretIsRefusedWithoutTheSecretInTheError() {
        Exchange attempt = call("count:invoices?operation=get&clientSecret=not-the-demo-secret", null, UNKNOWN_UUID);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountAuthenticationException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getCode()).isEqualTo("invalid_signature");
            assertThat(e.getMessage()).doesNotContain("not-the-demo-secret", "demo-access-token");
        });
    }

    @Test
    void anUnknownAccessTokenIsRefused() {
        Exchange attempt = call("count:invoices?operation=get&accessToken=stolen-token&refreshToken=stolen-refresh", null,
                UNKNOWN_UUID);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountAuthenticationException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("stolen-token");
        });
    }

    @Test
    void secretsAreMaskedInTheEndpointUriCamelShows() {
        Endpoint endpoint = context.getEndpoint(
                "count:invoices?operation=get&clientId=demo-client&clientSecret=s3cr3t-value"
                                                + "&accessToken=access-value&refreshToken=refresh-value");

        assertThat(List.of(endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri())))
                .allSatisfy(shown -> assertThat(shown)
                        .contains("operation=get")
                        .doesNotContain("s3cr3t-value", "access-value", "refresh-value"));
    }

    @Test
    void optionsCanBeSetOnceOnTheComponentAndOverriddenPerEndpoint() {
        Exchange viaComponent = call("count:invoices?operation=get", null, UNKNOWN_UUID);
        Exchange overridden = call("count:invoices?operation=get&baseUrl=http://localhost:1", null, UNKNOWN_UUID);

        assertThat(viaComponent.getException()).isInstanceOf(CountNotFoundException.class);
        assertThat(overridden.getException()).isInstanceOf(CountException.class)
                .hasMessageContaining("Could not reach COUNT at http://localhost:1");
    }

    @Test
    void aRefusedExchangeCarriesTheExceptionForCamelErrorHandlers() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("count:invoices?operation=get", null,
                CountConstants.UUID, UNKNOWN_UUID))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(CountNotFoundException.class);
    }
}

package io.camelcount.routes;

import java.util.List;
import java.util.Map;

import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;
import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The refund stories, as the demo application runs them against the embedded mock COUNT: a refund becomes
 * an applied credit memo, and removing it restores both balances.
 */
class RefundStoriesTest {

    @RegisterExtension
    final RunningDemo demo = new RunningDemo();

    private ProducerTemplate template;

    @BeforeEach
    void template() {
        template = demo.template();
    }

    private Invoice approvedInvoice() {
        Map<String, Object> request = Map.of("customerUuid", DemoWorkspace.ACME_TRADING.toString(), "date", demo.workspace().today().toString(), "isDraft", false,
                "products", List.of(Map.of("productUuid", DemoWorkspace.CONSULTING_HOUR.toString(), "quantity", 2, "unitPrice", 120)));
        return template.requestBody("count:invoices?operation=create", request, Invoice.class);
    }

    private Invoice read(String uuid) {
        return template.requestBodyAndHeader("count:invoices?operation=get", null, CountConstants.UUID, uuid, Invoice.class);
    }

    @Test
    void aRefundBecomesAnAppliedCreditMemoAndCanBeRemovedAgain() {
        Invoice invoice = approvedInvoice();

        Invoice memo = template.requestBody("direct:refund-request",
                "{\"invoiceUuid\": \"" + invoice.getUuid() + "\", \"amount\": 40}", Invoice.class);

        assertThat(memo.getInvoiceType()).isEqualTo("memo");
        assertThat(memo.getStatus()).isEqualTo("applied");
        assertThat(memo.getRemainingCredit()).isEqualByComparingTo("0");
        assertThat(read(invoice.getUuid()).getBalanceDue()).isEqualByComparingTo("200");
        assertThat(read(invoice.getUuid()).getStatus()).isEqualTo("partial");

        template.requestBody("direct:remove-credit",
                "{\"invoiceUuid\": \"" + invoice.getUuid() + "\", \"memoUuid\": \"" + memo.getUuid() + "\"}");

        assertThat(read(invoice.getUuid()).getBalanceDue()).isEqualByComparingTo("240");
        assertThat(read(memo.getUuid()).getRemainingCredit()).isEqualByComparingTo("40");
    }

    @Test
    void aRefundLargerThanTheBalanceIsRefusedBeforeAnyMemoExists() {
        Invoice invoice = approvedInvoice();
        long memosBefore = memos();

        assertThatThrownBy(() -> template.requestBody("direct:refund-request",
                "{\"invoiceUuid\": \"" + invoice.getUuid() + "\", \"amount\": 500}"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the balance due of invoice " + invoice.getInvoiceNumber() + " (240")
                .hasMessageContaining("no credit memo was created");
        assertThat(read(invoice.getUuid()).getBalanceDue()).isEqualByComparingTo("240");
        assertThat(memos()).isEqualTo(memosBefore);
    }

    private long memos() {
        return template.requestBodyAndHeader("count:invoices?operation=list&invoiceType=memo", null,
                CountConstants.QUERY, Map.of(), Page.class).totalRecords();
    }
}

package io.camelcount.mock.web;

import com.github.jknack.handlebars.Template;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceLine;
import io.camelcount.mock.domain.InvoiceType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The HTML of the public invoice page, from the templates {@code invoice} and {@code problem} of
 * {@link HtmlTemplates}. This class only turns an invoice into the values the templates show.
 */
final class InvoicePageHtml {

    private static final Template INVOICE = HtmlTemplates.compile("invoice");
    private static final Template PROBLEM = HtmlTemplates.compile("problem");

    private InvoicePageHtml() {
    }

    /** What {@code invoice.hbs} shows; amounts come formatted, {@code null} leaves a row or element out. */
    private record InvoiceView(String workspace, String label, String status, String customer, LocalDate date,
                               LocalDate dueDate, List<LineView> lines, String subtotal, String discount,
                               String discountDescription, String total, boolean invoice, boolean memo, String amountPaid,
                               String creditsApplied, String balanceDue, String remainingCredit, String notes, String payPath) {

        public String title() {
            return label + " from " + workspace;
        }
    }

    private record LineView(String description, String quantity, String unitPrice, String amount) {
    }

    private record ProblemView(String title, String message) {
    }

    static String invoice(String workspaceName, Invoice invoice, LocalDate today, String token) {
        String currency = invoice.currency();
        List<LineView> lines = invoice.products().stream().map(line -> line(currency, line)).toList();
        boolean payable = invoice.invoiceType() == InvoiceType.INVOICE && invoice.balanceDue().signum() != 0;
        return HtmlTemplates.render(INVOICE, new InvoiceView(workspaceName, invoice.label(), invoice.status(today).wireName(),
                invoice.customerName(), invoice.date(), invoice.dueDate(), lines, money(currency, invoice.subtotal()),
                invoice.discount().signum() > 0 ? money(currency, invoice.discount().negate()) : null,
                invoice.discountDescription(), money(currency, invoice.total()),
                invoice.invoiceType() == InvoiceType.INVOICE, invoice.invoiceType() == InvoiceType.MEMO,
                money(currency, invoice.amountPaid()), money(currency, invoice.creditsApplied()),
                money(currency, invoice.balanceDue()), money(currency, invoice.remainingCredit()), invoice.notes(),
                payable ? PublicInvoicePage.PATH_PREFIX + token + "/pay" : null));
    }

    static String problem(String title, String message) {
        return HtmlTemplates.render(PROBLEM, new ProblemView(title, message));
    }

    private static LineView line(String currency, InvoiceLine line) {
        return new LineView(line.description(), line.quantity().stripTrailingZeros().toPlainString(),
                money(currency, line.unitPrice()), money(currency, line.amount()));
    }

    private static String money(String currency, BigDecimal amount) {
        return currency + " " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

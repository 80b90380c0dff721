package io.camelcount.mock.web;

import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceLine;
import io.camelcount.mock.domain.InvoiceType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The HTML of the public invoice page: one self-contained document, every value escaped (names and notes
 * come from partners). Elements that tests and partners' browser scripts look for carry ids.
 */
final class InvoicePageHtml {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
            + "padding:0 1rem;color:#222}table{width:100%;border-collapse:collapse;margin:1rem 0}"
            + "th,td{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}.amount{text-align:right}"
            + ".status{display:inline-block;padding:.2rem .7rem;border-radius:1rem;background:#eef}"
            + "button{font-size:1.1rem;padding:.6rem 1.4rem;cursor:pointer}";

    private InvoicePageHtml() {
    }

    static String invoice(String workspaceName, Invoice invoice, LocalDate today, String token) {
        String currency = invoice.currency();
        StringBuilder html = new StringBuilder(start(invoice.label() + " from " + workspaceName));
        html.append("<header><p id=\"from\">").append(escape(workspaceName)).append("</p>")
                .append("<h1 id=\"number\">").append(escape(invoice.label())).append("</h1>")
                .append("<p>Status: <span class=\"status\" id=\"status\">").append(invoice.status(today).wireName())
                .append("</span></p></header>")
                .append("<dl><dt>Billed to</dt><dd id=\"customer\">").append(escape(invoice.customerName())).append("</dd>")
                .append("<dt>Date</dt><dd id=\"date\">").append(invoice.date()).append("</dd>")
                .append("<dt>Due</dt><dd id=\"due-date\">").append(invoice.dueDate()).append("</dd></dl>")
                .append("<table id=\"lines\"><thead><tr><th>Description</th><th class=\"amount\">Quantity</th>")
                .append("<th class=\"amount\">Unit price</th><th class=\"amount\">Amount</th></tr></thead><tbody>");
        for (InvoiceLine line : invoice.products()) {
            html.append("<tr><td>").append(escape(line.description())).append("</td><td class=\"amount\">")
                    .append(line.quantity().stripTrailingZeros().toPlainString()).append("</td><td class=\"amount\">")
                    .append(money(currency, line.unitPrice())).append("</td><td class=\"amount\">")
                    .append(money(currency, line.amount())).append("</td></tr>");
        }
        html.append("</tbody></table><table id=\"totals\"><tbody>");
        total(html, "subtotal", "Subtotal", currency, invoice.subtotal());
        if (invoice.discount().signum() > 0) {
            String label = invoice.discountDescription() == null ? "Discount" : "Discount (" + invoice.discountDescription() + ")";
            total(html, "discount", label, currency, invoice.discount().negate());
        }
        total(html, "total", "Total", currency, invoice.total());
        if (invoice.invoiceType() == InvoiceType.INVOICE) {
            total(html, "amount-paid", "Paid", currency, invoice.amountPaid());
            total(html, "credits-applied", "Credits applied", currency, invoice.creditsApplied());
            total(html, "balance-due", "Balance due", currency, invoice.balanceDue());
        } else if (invoice.invoiceType() == InvoiceType.MEMO) {
            total(html, "remaining-credit", "Credit remaining", currency, invoice.remainingCredit());
        }
        html.append("</tbody></table>");
        if (invoice.notes() != null) {
            html.append("<p id=\"notes\">").append(escape(invoice.notes())).append("</p>");
        }
        html.append(payment(invoice, token, currency));
        return html.append("</body></html>").toString();
    }

    /** A Pay button while an invoice has something due; estimates and memos are not paid. */
    private static String payment(Invoice invoice, String token, String currency) {
        if (invoice.invoiceType() != InvoiceType.INVOICE) {
            return "";
        }
        if (invoice.balanceDue().signum() == 0) {
            return "<p id=\"paid\">Paid in full. Thank you!</p>";
        }
        return "<form id=\"pay\" method=\"post\" action=\"" + PublicInvoicePage.PATH_PREFIX + escape(token) + "/pay\">"
                + "<button type=\"submit\">Pay " + money(currency, invoice.balanceDue()) + "</button></form>";
    }

    static String problem(String title, String message) {
        return start(title) + "<h1>" + escape(title) + "</h1><p id=\"problem\">" + escape(message) + "</p></body></html>";
    }

    private static String start(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>";
    }

    private static void total(StringBuilder html, String id, String label, String currency, BigDecimal amount) {
        html.append("<tr><th>").append(escape(label)).append("</th><td class=\"amount\" id=\"").append(id).append("\">")
                .append(money(currency, amount)).append("</td></tr>");
    }

    private static String money(String currency, BigDecimal amount) {
        return escape(currency) + " " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

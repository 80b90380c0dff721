package io.camelcount.component.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperations;
import io.camelcount.component.model.Page;

/**
 * Finds an invoice by its number: how the component learns whether a create whose answer was lost did
 * land. Invoice numbers are unique per type in a workspace, so a match is that create's invoice.
 */
final class InvoiceLookup {

    private static final CountOperation LIST = CountOperations.of("invoices", "list");

    private InvoiceLookup() {
    }

    /** @return the invoice, or {@code null} when COUNT has none with that number */
    static JsonNode byNumber(CountSession session, String invoiceNumber, String invoiceType) {
        String query = "?search=" + encode(invoiceNumber) + "&limit=100"
                       + (invoiceType == null ? "" : "&invoiceType=" + encode(invoiceType));
        CountRequest request = new CountRequest("invoices/list (lookup of " + invoiceNumber + ")", LIST.method(),
                "/partners" + LIST.path(null) + query, null);
        CountRequest pageRequest = request;
        while (true) {
            Page<JsonNode> page = Pages.read(session.call(LIST, pageRequest), pageRequest, LIST.resultType());
            for (JsonNode invoice : page.records()) {
                boolean sameType = invoiceType == null || invoiceType.equals(invoice.path("invoiceType").asText(invoiceType));
                if (invoiceNumber.equals(invoice.path("invoiceNumber").asText()) && sameType) {
                    return invoice;
                }
            }
            if (page.isLast()) {
                return null;
            }
            pageRequest = request.onPage(page.page() + 1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

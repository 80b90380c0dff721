package io.camelcount.features.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelcount.component.CountApiException;
import io.camelcount.component.CountConstants;
import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Invoice;
import io.camelcount.component.model.Page;

/**
 * What one scenario has done so far: its customer, the invoice it works on (and the documents it named),
 * and COUNT's last refusal. Also builds invoice requests as an integrator's JSON would arrive: plain maps.
 */
public class InvoiceJourney {

    private final CountClient count;
    private final CustomersAndProducts customersAndProducts;
    private Customer customer;
    private Invoice invoice;
    private final Map<String, Invoice> named = new LinkedHashMap<>();
    private CountApiException refusal;

    public InvoiceJourney(CountClient count, CustomersAndProducts customersAndProducts) {
        this.count = count;
        this.customersAndProducts = customersAndProducts;
    }

    public Customer customer() {
        if (customer == null) {
            throw new IllegalStateException("The scenario has no customer yet: add a 'Given a new customer ...' step");
        }
        return customer;
    }

    public String customerUuid() {
        return customer().getUuid();
    }

    public void customer(Customer customer) {
        this.customer = customer;
    }

    public Invoice invoice() {
        if (invoice == null) {
            throw new IllegalStateException("The scenario has no invoice yet: create one first");
        }
        return invoice;
    }

    /** The scenario's current document is now {@code invoice}; a named one also keeps its name. */
    public void invoice(Invoice invoice) {
        this.invoice = invoice;
        this.refusal = null;
        named.replaceAll((name, known) -> known.getUuid().equals(invoice.getUuid()) ? invoice : known);
    }

    public void name(String name, Invoice document) {
        named.put(name, document);
    }

    public Invoice named(String name) {
        Invoice document = named.get(name);
        if (document == null) {
            throw new IllegalStateException("The scenario has no document called '" + name + "'; it has " + named.keySet());
        }
        return document;
    }

    public CountApiException refusal() {
        return refusal;
    }

    public void refusal(CountApiException refusal) {
        this.refusal = refusal;
    }

    /** A document request for the scenario's customer, dated COUNT's today, as a plain map. */
    public Map<String, Object> request(String invoiceType, int quantity, String product, BigDecimal unitPrice, boolean draft) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerUuid", customerUuid());
        request.put("date", CountTarget.today().toString());
        request.put("products", lines(quantity, product, unitPrice));
        request.put("isDraft", draft);
        if (!"invoice".equals(invoiceType)) {
            request.put("invoiceType", invoiceType);
        }
        return request;
    }

    public List<Map<String, Object>> lines(int quantity, String product, BigDecimal unitPrice) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productUuid", customersAndProducts.productUuid(product));
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        return List.of(line);
    }

    /** Creates a document through {@code count:invoices?operation=create} and makes it the current one. */
    public Invoice create(Map<String, Object> request) {
        invoice(count.invoices("create", null, request));
        return invoice;
    }

    /** Reads a document again from COUNT. */
    public Invoice reread(Invoice document) {
        Invoice fresh = count.invoices("get", document.getUuid(), null);
        named.replaceAll((name, known) -> known.getUuid().equals(fresh.getUuid()) ? fresh : known);
        if (invoice != null && invoice.getUuid().equals(fresh.getUuid())) {
            invoice = fresh;
        }
        return fresh;
    }

    /** The customer's documents as COUNT lists them (the first 100; scenarios make a handful). */
    @SuppressWarnings("unchecked")
    public List<Invoice> customerInvoices() {
        Page<Invoice> page = count.exchange("count:invoices?operation=list&limit=100", null,
                Map.of(CountConstants.QUERY, Map.of("customerUuid", customerUuid()))).getBody(Page.class);
        return page.records();
    }
}

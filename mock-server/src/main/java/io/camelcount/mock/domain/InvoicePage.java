package io.camelcount.mock.domain;

import java.util.List;

/**
 * One page of the invoice list and how many documents match in all.
 *
 * @param records      the page's documents, in the list's order
 * @param totalRecords how many documents match the filter, on every page
 */
public record InvoicePage(List<Invoice> records, int totalRecords) {
}

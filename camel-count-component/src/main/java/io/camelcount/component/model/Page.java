package io.camelcount.component.model;

import java.util.List;

/**
 * One page of a list operation. COUNT does not always send its counts (contract §2): a count it did not send is
 * {@code null}, never a guess.
 *
 * @param page         the page number: COUNT's echo, else the page asked for
 * @param limit        records per page: COUNT's echo, else the limit asked for; {@code null} when neither is known
 * @param totalRecords how many records match on all pages, when COUNT said so
 * @param totalPages   how many pages those records fill, when COUNT said so
 */
public record Page<T>(List<T> records, int page, Integer limit, Long totalRecords, Integer totalPages) {

    /**
     * Whether no page follows this one: a page with no records always ends the list; else {@code totalPages}
     * when COUNT sent it, else {@code totalRecords} (with the limit), else a page shorter than the limit.
     * With none of those known, the next page is read and ends the list when it is empty.
     */
    public boolean isLast() {
        if (records.isEmpty()) {
            return true;
        }
        if (totalPages != null) {
            return page >= totalPages;
        }
        if (totalRecords != null && limit != null) {
            return (long) page * limit >= totalRecords;
        }
        return limit != null && records.size() < limit;
    }
}

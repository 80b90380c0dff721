package io.camelcount.component.model;

import java.util.List;

/**
 * One page of a list operation. A page past the end has no records.
 */
public record Page<T>(List<T> records, int page, int limit, long totalRecords, int totalPages) {

    public boolean isLast() {
        return page >= totalPages;
    }
}

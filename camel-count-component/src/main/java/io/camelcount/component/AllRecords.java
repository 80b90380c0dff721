package io.camelcount.component;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

import io.camelcount.component.model.Page;

/**
 * Every record of a list, one page in memory at a time: the next page is fetched only when the route
 * has consumed the current one, so a streaming splitter handles any number of records in constant memory.
 */
final class AllRecords<T> implements Iterator<T> {

    private final IntFunction<Page<?>> fetchPage;
    private Page<?> current;
    private Iterator<?> records;

    AllRecords(Page<?> first, IntFunction<Page<?>> fetchPage) {
        this.fetchPage = fetchPage;
        this.current = first;
        this.records = first.records().iterator();
    }

    @Override
    public boolean hasNext() {
        // Page.isLast: COUNT's counts when it sent them, else a short page; an empty page always ends the list.
        while (!records.hasNext() && !current.isLast()) {
            current = fetchPage.apply(current.page() + 1);
            records = current.records().iterator();
        }
        return records.hasNext();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records: the last page has been read");
        }
        return (T) records.next();
    }
}

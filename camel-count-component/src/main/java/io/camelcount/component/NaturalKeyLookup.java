package io.camelcount.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.api.CountOperation.NaturalKey;
import io.camelcount.component.api.CountOperations;
import io.camelcount.component.http.CountCalls;
import io.camelcount.component.http.CountRequest;
import io.camelcount.component.http.KeyLookup;
import io.camelcount.component.http.Pages;
import io.camelcount.component.model.Page;
import org.apache.hc.core5.net.URIBuilder;

/**
 * Finds what a create made by the create's natural key (an invoice by its number, within its type): after a
 * lost answer, to tell whether the create landed; with {@code duplicateInvoiceNumber=answerExisting}, to answer
 * the record that already has the key. The key, its scope and the list that finds it are the create's row of the
 * operation table; a key is unique within its scope, so a match is that create's record.
 */
final class NaturalKeyLookup implements KeyLookup {

    /** COUNT's largest page: the search narrows the list to the key, so one page nearly always holds it. */
    private static final int LIMIT = 100;

    private final CountCalls calls;
    private final NaturalKey key;
    private final CountOperation list;

    /** @param create an operation whose row has a natural key */
    NaturalKeyLookup(CountCalls calls, CountOperation create) {
        this.calls = calls;
        this.key = create.naturalKey();
        this.list = CountOperations.of(create.api(), key.lookup());
    }

    /** @return the record with the key {@code create} carries; {@code null} when it carries none or COUNT has none */
    @Override
    public JsonNode find(CountRequest create) {
        String value = create.jsonField(key.field());
        if (value == null) {
            return null;
        }
        String scope = key.scope() == null ? null : create.jsonField(key.scope());
        URIBuilder path = new URIBuilder().setPath(CountProducer.PARTNERS + list.path(null))
                .addParameter("search", value).addParameter("limit", String.valueOf(LIMIT));
        if (scope != null) {
            path.addParameter(key.scope(), scope);
        }
        CountRequest request = new CountRequest(list + " (lookup of " + value + ")", list.method(), path.toString(),
                null);
        CountRequest pageRequest = request;
        while (true) {
            Page<JsonNode> page = Pages.read(calls.call(list, pageRequest), pageRequest, list.resultType());
            for (JsonNode record : page.records()) {
                boolean sameScope = scope == null || scope.equals(record.path(key.scope()).asText(scope));
                if (value.equals(record.path(key.field()).asText()) && sameScope) {
                    return record;
                }
            }
            if (page.isLast()) {
                return null;
            }
            pageRequest = request.onPage(page.page() + 1);
        }
    }
}

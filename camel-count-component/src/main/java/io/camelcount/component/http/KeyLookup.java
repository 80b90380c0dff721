package io.camelcount.component.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds what a create made by its natural key ({@link io.camelcount.component.api.CountOperation.NaturalKey}): how
 * {@link CountCalls} learns whether a create whose answer was lost did land, without knowing what it creates.
 */
@FunctionalInterface
public interface KeyLookup {

    /** @return COUNT's record of what {@code request} made, or {@code null} when COUNT has none */
    JsonNode find(CountRequest request);
}

package io.camelcount.component.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.camelcount.component.model.PartnerWarning;

/**
 * A successful answer.
 *
 * @param requestId COUNT's {@code X-Request-Id}, when it sent one
 * @param envelope  the whole answer, for what some routes put beside {@code data} (a list's {@code records})
 * @param data      the {@code data} of COUNT's success envelope
 * @param warnings  fields COUNT ignored ({@code _partnerWarnings})
 */
public record CountResponse(int statusCode, String requestId, JsonNode envelope, JsonNode data,
                            List<PartnerWarning> warnings) {

    /** An answer that is only its {@code data}: an object the component found rather than one COUNT answered. */
    public CountResponse(int statusCode, String requestId, JsonNode data, List<PartnerWarning> warnings) {
        this(statusCode, requestId, MissingNode.getInstance(), data, warnings);
    }
}

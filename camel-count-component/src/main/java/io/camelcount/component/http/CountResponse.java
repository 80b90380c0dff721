package io.camelcount.component.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.model.PartnerWarning;

/**
 * A successful answer: the {@code data} of COUNT's success envelope.
 *
 * @param requestId COUNT's {@code X-Request-Id}, when it sent one
 * @param warnings  fields COUNT ignored ({@code _partnerWarnings})
 */
public record CountResponse(int statusCode, String requestId, JsonNode data, List<PartnerWarning> warnings) {
}

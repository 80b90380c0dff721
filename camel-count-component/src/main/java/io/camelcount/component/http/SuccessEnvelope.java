package io.camelcount.component.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountException;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.PartnerWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads COUNT's success envelope (contract §2): its {@code data}, and the fields COUNT ignored
 * ({@code _partnerWarnings}, beside {@code data} or inside it), which are logged as well as returned.
 */
final class SuccessEnvelope {

    private static final Logger LOG = LoggerFactory.getLogger(SuccessEnvelope.class);

    private SuccessEnvelope() {
    }

    static CountResponse read(CountRequest request, HttpAnswer answer) {
        JsonNode envelope;
        try {
            envelope = CountJson.parse(answer.body());
        } catch (IOException e) {
            throw new CountException("COUNT answered " + request.operation() + " with HTTP " + answer.status()
                                     + " but a body that is not JSON: " + e.getMessage(), e);
        }
        JsonNode data = envelope.path("data");
        List<PartnerWarning> warnings = new ArrayList<>();
        for (JsonNode holder : List.of(envelope, data)) {
            for (JsonNode warning : holder.path("_partnerWarnings")) {
                warnings.add(new PartnerWarning(warning.path("field").asText(null), warning.path("reason").asText(null),
                        warning.path("message").asText(null)));
            }
        }
        for (PartnerWarning warning : warnings) {
            LOG.warn("COUNT ignored the field '{}' in {} ({}): {}", warning.field(), request.operation(), warning.reason(),
                    warning.message());
        }
        return new CountResponse(answer.status(), answer.requestId(), envelope, data, List.copyOf(warnings));
    }
}

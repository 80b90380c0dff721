package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.auth.RequestSignature;
import io.camelcount.mock.auth.SignatureVerifier;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every vector of the shared signing-vectors.json, reproduced and accepted by the mock. */
class SigningVectorsTest {

    static List<Named<JsonNode>> vectors() throws IOException {
        try (InputStream in = SigningVectorsTest.class.getResourceAsStream("/signing-vectors.json")) {
            JsonNode file = PartnerClient.JSON.readTree(in);
            assertThat(file.get("sha256OfEmptyObject").asText())
                    .isEqualTo(RequestSignature.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)));
            return StreamSupport.stream(file.get("vectors").spliterator(), false)
                    .map(vector -> Named.of(vector.get("name").asText(), vector))
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesSignedPathBodyHashBaseAndSignature(JsonNode vector) {
        String body = vector.get("body").isNull() ? null : vector.get("body").asText();
        String bodyHash = body == null ? "" : RequestSignature.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        String signedPath = RequestSignature.signedPath(vector.get("requestPath").asText());
        String base = RequestSignature.base(vector.get("method").asText(), signedPath, vector.get("timestamp").asText(), bodyHash);

        assertThat(signedPath).isEqualTo(vector.get("signedPath").asText());
        assertThat(bodyHash).isEqualTo(vector.get("bodyHash").asText());
        assertThat(base).isEqualTo(vector.get("base").asText());
        assertThat(RequestSignature.hmacSha256Hex(vector.get("secret").asText(), base)).isEqualTo(vector.get("signature").asText());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void verifierAcceptsTheVectorInTolerantAndStrictMode(JsonNode vector) {
        MockClock clock = MockClock.fixed(Instant.ofEpochSecond(vector.get("timestamp").asLong()));
        byte[] body = vector.get("body").isNull() ? new byte[0] : vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
        for (boolean strict : new boolean[] {false, true}) {
            SignatureVerifier verifier = new SignatureVerifier(clock, Duration.ofSeconds(300), strict);
            assertThatCode(() -> verifier.verify(vector.get("method").asText(), vector.get("requestPath").asText(),
                    vector.get("timestamp").asText(), vector.get("signature").asText(), body, vector.get("secret").asText()))
                    .as("strict=%s", strict)
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void mockAcceptsTheVectorsRequestOverHttp(JsonNode vector) {
        MockClock clock = MockClock.fixed(Instant.ofEpochSecond(vector.get("timestamp").asLong()));
        WorkspaceSeed vectors = WorkspaceSeed.builder(java.util.UUID.randomUUID(), "Vectors")
                .accessGrant("vector-client", "vector-token", "vector-refresh")
                .build();
        try (CountMockServer server = CountMockServer.builder().port(0).clock(clock).strictSigning(true)
                .partnerApp("vector-client", vector.get("secret").asText()).workspace(vectors).start()) {
            PartnerClient partner = new PartnerClient(server.baseUrl(), clock, "vector-client", "unused", "vector-token");
            Reply reply = partner.call(vector.get("method").asText(), vector.get("requestPath").asText())
                    .body(vector.get("body").isNull() ? null : vector.get("body").asText())
                    .timestamp(vector.get("timestamp").asText())
                    .signature(vector.get("signature").asText())
                    .send();

            assertThat(reply.status()).as(reply.text()).isNotEqualTo(401);
            assertThat(reply.code()).as("answered by the API: a list, or an unknown route or UUID").isIn(null, "not_found");
        }
    }
}

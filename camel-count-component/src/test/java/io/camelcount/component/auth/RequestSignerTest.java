package io.camelcount.component.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.json.JavaScriptJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignerTest {

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = RequestSignerTest.class.getResourceAsStream("/signing-vectors.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> vectors = new ArrayList<>();
            root.get("vectors").forEach(v -> vectors.add(Arguments.of(v.get("name").asText(), v)));
            assertThat(vectors).hasSizeGreaterThanOrEqualTo(6);
            return vectors.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesEveryVector(String name, JsonNode vector) {
        byte[] body = vector.get("body").isNull() ? null : vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
        String method = vector.get("method").asText();
        String path = vector.get("requestPath").asText();
        String timestamp = vector.get("timestamp").asText();

        assertThat(RequestSigner.signedPath(path)).isEqualTo(vector.get("signedPath").asText());
        assertThat(RequestSigner.bodyHash(method, body)).isEqualTo(vector.get("bodyHash").asText());
        assertThat(RequestSigner.base(method, path, timestamp, body)).isEqualTo(vector.get("base").asText());
        assertThat(RequestSigner.sign(vector.get("secret").asText(), method, path, timestamp, body))
                .isEqualTo(vector.get("signature").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorBodiesAreAlreadyWhatTheComponentWouldSend(String name, JsonNode vector) {
        if (!vector.get("body").isNull()) {
            String body = vector.get("body").asText();
            assertThat(JavaScriptJson.write(CountJson.toTree(body))).isEqualTo(body);
        }
    }
}

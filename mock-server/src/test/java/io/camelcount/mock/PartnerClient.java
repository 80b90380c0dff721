package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.auth.RequestSignature;
import io.camelcount.mock.seed.DemoWorkspace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner app as the tests play it: builds the signature base itself (only the HMAC and SHA-256
 * primitives come from the mock, and the signing vectors prove those) and lets a test break any
 * part of a request on purpose.
 */
final class PartnerClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final String accessToken;

    PartnerClient(CountMockServer server) {
        this(server.baseUrl(), server.clock(), DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET, DemoWorkspace.ACCESS_TOKEN);
    }

    PartnerClient(String baseUrl, Clock clock, String clientId, String clientSecret, String accessToken) {
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.accessToken = accessToken;
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    Reply get(String path) {
        return call("GET", path).send();
    }

    Reply post(String path, String body) {
        return call("POST", path).body(body).send();
    }

    Reply patch(String path) {
        return call("PATCH", path).send();
    }

    Reply patch(String path, String body) {
        return call("PATCH", path).body(body).send();
    }

    Reply put(String path, String body) {
        return call("PUT", path).body(body).send();
    }

    Reply delete(String path) {
        return call("DELETE", path).send();
    }

    final class Call {
        private final String method;
        private final String path;
        private String body;
        private byte[] bytes;
        private String contentType = "application/json";
        private String signedBody;
        private String timestamp;
        private String signatureClientId = clientId;
        private String secret = clientSecret;
        private String token = accessToken;
        private String signature;
        private final Set<String> omitted = new HashSet<>();
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call body(String body) {
            this.body = body;
            return this;
        }

        /** Sends these bytes as they are; they are signed as {@link #signedBody} says, by default as no body. */
        Call bytes(byte[] bytes, String contentType) {
            this.bytes = bytes;
            this.contentType = contentType;
            if (signedBody == null) {
                signedBody = "";
            }
            return this;
        }

        /** Hash these bytes instead of the body that is sent. */
        Call signedBody(String signedBody) {
            this.signedBody = signedBody;
            return this;
        }

        Call timestamp(String timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        Call clientId(String clientId) {
            this.signatureClientId = clientId;
            return this;
        }

        Call secret(String secret) {
            this.secret = secret;
            return this;
        }

        Call token(String token) {
            this.token = token;
            return this;
        }

        /** Send this x-signature as it is instead of computing one. */
        Call signature(String signature) {
            this.signature = signature;
            return this;
        }

        Call header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        Call without(String header) {
            omitted.add(header.toLowerCase());
            return this;
        }

        String computedSignature() {
            String hashed = signedBody != null ? signedBody : body;
            boolean hasBody = hashed != null && !hashed.isEmpty() && Set.of("POST", "PUT", "PATCH").contains(method);
            String bodyHash = hasBody ? RequestSignature.sha256Hex(hashed.getBytes(StandardCharsets.UTF_8)) : "";
            String signedPath = path.replaceFirst("\\?.*$", "").replaceFirst("^/partners(?=/|$)", "");
            return RequestSignature.hmacSha256Hex(secret, method + ":" + signedPath + ":" + timestamp() + ":" + bodyHash);
        }

        private String timestamp() {
            return timestamp != null ? timestamp : Long.toString(clock.instant().getEpochSecond());
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, bytes != null ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                            : body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            header(request, "x-client-id", signatureClientId);
            header(request, "x-timestamp", timestamp());
            header(request, "x-signature", signature != null ? signature : computedSignature());
            if (token != null) {
                header(request, "Authorization", "Bearer " + token);
            }
            if (body != null || bytes != null) {
                header(request, "Content-Type", contentType);
            }
            extraHeaders.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return Reply.of(response);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }

        private void header(HttpRequest.Builder request, String name, String value) {
            if (!omitted.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        }
    }

    record Reply(int status, String requestId, String text, JsonNode json, HttpHeaders headers) {

        static Reply of(HttpResponse<String> response) throws IOException {
            return new Reply(response.statusCode(), response.headers().firstValue("X-Request-Id").orElse(null),
                    response.body(), response.body().isEmpty() ? null : JSON.readTree(response.body()), response.headers());
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode data() {
            return json.get("data");
        }

        /** The machine code of an error, from {@code errorCode} (contract §2). */
        String code() {
            return json.path("errorCode").asText(null);
        }

        /** The machine code wherever a variant of COUNT's answers puts it: {@code errorCode} or {@code error}. */
        String machineCode() {
            return json.has("errorCode") ? json.get("errorCode").asText() : json.path("error").asText(null);
        }

        /**
         * Checks COUNT's error envelope around the code (contract §2): {@code status:"Error"}, the status code, a
         * message and a user-facing {@code customMsg}, {@code isOperational}, the request ID of the header, and
         * none of the fields COUNT does not send ({@code code}, {@code details}).
         */
        Reply assertErrorEnvelope(int statusCode) {
            assertThat(status).as(text).isEqualTo(statusCode);
            assertThat(json.path("status").asText()).as(text).isEqualTo("Error");
            assertThat(json.path("statusCode").asInt()).as(text).isEqualTo(statusCode);
            assertThat(json.path("message").asText()).as(text).isNotBlank();
            assertThat(json.path("customMsg").asText()).as(text).isNotBlank();
            assertThat(json.path("isOperational").booleanValue()).as(text).isTrue();
            assertThat(json.path("requestId").asText()).as(text).isNotBlank().isEqualTo(requestId);
            assertThat(json.has("code")).as(text).isFalse();
            assertThat(json.has("details")).as(text).isFalse();
            return this;
        }

        String message() {
            return json.path("message").asText(null);
        }

        String dataText(String name) {
            return data().path(name).asText(null);
        }

        /** The records of a list answer. */
        JsonNode records() {
            return data().get("records");
        }

        /** The given field of every record of a list answer. */
        List<String> recordTexts(String name) {
            List<String> values = new ArrayList<>();
            records().forEach(record -> values.add(record.path(name).asText(null)));
            return values;
        }
    }
}

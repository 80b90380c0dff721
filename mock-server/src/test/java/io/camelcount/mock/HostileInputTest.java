package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.junit.CountMockExtension;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Input that WireMock and Jetty read before any of the mock's code runs, sent as raw bytes before any
 * authentication: each is answered in COUNT's envelope with a 4xx that names the problem (400; 413 for size,
 * 414 for a URI too long, 415 for an encoding), never a 5xx, an HTML page or a stack trace, and changes nothing.
 */
class HostileInputTest {

    private static final String INVOICES = "/partners/invoices";
    private static final String UPLOAD = "/partners/invoices/" + DemoWorkspace.ACME_TRADING + "/attachments/upload";
    private static final String PAY = "/public/invoices/" + "ab".repeat(32) + "/pay";
    /** What a 200 MiB gzip bomb weighs: far below every body limit, so only the guard's gzip check can stop it. */
    private static final int LARGEST_GZIP = 1024 * 1024;

    @RegisterExtension
    static CountMockExtension count = CountMockExtension.builder()
            .clockFrozenAt(Instant.parse("2026-11-24T10:00:00Z"))
            .configure(server -> server.rateLimit(0))
            .build();

    private PartnerClient partner;

    @BeforeEach
    void partner() {
        partner = new PartnerClient(count.server());
    }

    static Stream<Arguments> hostileRequests() {
        String tooLong = "/partners/invoices?search=" + "a".repeat(40_000);
        return Stream.of(
                arguments("bad escape in a query value", get(INVOICES + "?search=%zz"), 400, "search"),
                arguments("bad escape in a query name", get(INVOICES + "?%zz=1"), 400, "%"),
                arguments("truncated escape in a query", get(INVOICES + "?search=%2"), 400, "search"),
                arguments("bad escape in an OAuth query", get("/auth2/authorize-intiate?clientId=%zz"), 400, "clientId"),
                arguments("bad escape in a public page query", get("/public/invoices/x?y=%g1"), 400, "y"),
                arguments("bad escape in the path", get("/partners/invoices/%zz"), 400, "malformed"),
                arguments("encoded dot segments into the admin API", get("/partners/%2e%2e/__admin/count/state"), 400, "dot segment"),
                arguments("an encoded slash in the path", get("/partners/invoices%2f" + DemoWorkspace.ACME_TRADING), 400,
                        "separator"),
                arguments("a NUL in the path", get("/partners/invoices/%00"), 400, "malformed"),
                arguments("a URI too long", get(tooLong), 414, "too long"),
                arguments("headers too large", "GET /partners/invoices HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                        + "b".repeat(40_000) + "\r\nConnection: close\r\n\r\n", 431, "headers"),
                arguments("no Host header", "GET /partners/invoices HTTP/1.1\r\nConnection: close\r\n\r\n", 400, "malformed"),
                arguments("garbage request line", "HELLO\r\n\r\n", 400, "malformed"),
                arguments("WireMock's file route", get("/__files/anything"), 404, "serves no files"),
                arguments("multipart without a boundary", post(INVOICES, "multipart/form-data", "abc"), 400, "boundary"),
                arguments("multipart without a boundary on the upload", post(UPLOAD, "multipart/form-data", "abc"), 400,
                        "boundary"),
                arguments("multipart cut short", post(UPLOAD, Multipart.CONTENT_TYPE, "--" + Multipart.BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"a.pdf\"\r\n\r\nabc"), 400,
                        "multipart"),
                arguments("form body with a bad escape", post(PAY, "application/x-www-form-urlencoded", "a=%zz"), 400, "form"),
                arguments("form body with a bad escape on a partner route",
                        post(INVOICES, "application/x-www-form-urlencoded", "a=%zz"), 400, "form"),
                arguments("form body with a bad escape on OAuth",
                        post("/partners/grant-access-token", "application/x-www-form-urlencoded", "%"), 400, "form"),
                arguments("unknown charset", post(INVOICES, "application/json; charset=x-nonsense", "{}"), 415, "charset"),
                arguments("illegal charset name", post(INVOICES, "application/json; charset=\"%%\"", "{}"), 415, "charset"),
                arguments("declared gzip", "POST " + INVOICES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 415, "Content-Encoding"),
                arguments("a Content-Length above 1 MiB", "POST " + INVOICES + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n{", 413, "1 MiB"),
                arguments("an upload above the contract's 10 files of 10 MiB", "POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost"
                        + "\r\nContent-Type: " + Multipart.CONTENT_TYPE + "\r\nContent-Length: 200000000\r\nConnection: close"
                        + "\r\n\r\n--", 413, "10 files"),
                arguments("a bad chunk size", "POST " + INVOICES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400, "could not be read"),
                arguments("a PATCH Jetty refuses", "PATCH /partners/invoices/%zz HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n", 400, "malformed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isAnsweredInTheEnvelopeAndChangesNothing(String what, String request, int status, String named) {
        String before = state();
        RawHttp.Answer answer = RawHttp.send(count.server().port(), request);
        answer.assertEnvelope(status);
        assertThat(answer.message()).as(what).containsIgnoringCase(named);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyAboveTheLimitIsTooLargeOnceTheLimitIsRead() {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + INVOICES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 20; i++) {
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer answer = RawHttp.send(count.server().port(), "", request.toByteArray());
        answer.assertEnvelope(413);
        assertThat(answer.code()).isEqualTo("payload_too_large");
    }

    /**
     * The upload route may take 100 MiB, so a body above a JSON body's 1 MiB is read there only once its headers
     * authenticate (an upload is signed with an empty body hash): a caller without credentials that announces 50 MB
     * gets its 413 after one byte. A body that is not multipart has a JSON body's limit there too.
     */
    @Test
    void anUploadAboveOneMebibyteIsReadOnlyForAnAuthenticatedCaller() {
        String upload = "/partners/invoices/" + DemoWorkspace.ACME_TRADING + "/attachments/upload";
        for (String headers : List.of(
                "Content-Type: " + Multipart.CONTENT_TYPE + "\r\n",
                "Content-Type: " + Multipart.CONTENT_TYPE + "\r\nx-client-id: demo-client\r\nx-timestamp: 1\r\n"
                        + "x-signature: " + "0".repeat(64) + "\r\nAuthorization: Bearer demo-access-token\r\n",
                "Content-Type: application/json\r\n")) {
            RawHttp.Answer answer = RawHttp.send(count.server().port(), "POST " + upload + " HTTP/1.1\r\nHost: localhost\r\n"
                    + headers + "Content-Length: 50000000\r\nConnection: close\r\n\r\n--");
            answer.assertEnvelope(413);
            assertThat(answer.message()).as(headers).contains("1 MiB");
        }
    }

    /** A 204 KB body that inflates to 200 MiB, sent without Content-Encoding: WireMock would inflate it regardless. */
    @Test
    void undeclaredGzipIsNeverInflated() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
        }
        assertThat(gzip.size()).isLessThan(LARGEST_GZIP);
        String before = state();
        Reply reply = partner.call("POST", INVOICES).bytes(gzip.toByteArray(), "application/json").send();
        reply.assertErrorEnvelope(400);
        assertThat(reply.message()).contains("gzip");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aNumberBeyondBigDecimalIsMalformedJsonNotAFailure() {
        for (String body : new String[] {"{\"discount\":1e2147483648}", "{\"discount\":1e-2147483649}",
                "{\"discount\":-1E+2147483648}"}) {
            Reply signed = partner.post(INVOICES, body);
            signed.assertErrorEnvelope(400);
            assertThat(signed.code()).isEqualTo("validation_failed");
            assertThat(signed.message()).contains("body", "out of range");
            partner.call("POST", INVOICES).body(body).signature("0".repeat(64)).send().assertErrorEnvelope(401);
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeItCostsARecursion() {
        String before = state();
        for (int depth : new int[] {62, 64, 1001, 100_000, 600_000}) {
            String body = "{\"notes\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            for (Reply reply : new Reply[] {partner.post(INVOICES, body),
                    partner.call("POST", INVOICES).body(body).signature("0".repeat(64)).send()}) {
                int expected = reply.status() == 401 ? 401 : depth * 2 > 1024 * 1024 ? 413 : 400;
                reply.assertErrorEnvelope(expected);
                if (expected == 400) {
                    assertThat(reply.message()).as("depth " + depth).contains(depth < 63 ? "notes must be a string" : "nesting");
                }
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theTokenRoutesRefuseMalformedBodiesToo() {
        for (String route : new String[] {"/partners/grant-access-token", "/partners/refresh-user-access-token"}) {
            for (String body : new String[] {"{", "[]", "\"x\"", "null", "{\"grantType\":1e2147483648}",
                    "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", "{\"grantType\":null,\"refreshToken\":null}"}) {
                Reply reply = partner.call("POST", route).token(null).body(body).send();
                assertThat(reply.status()).as(route + " " + body + " " + reply.text()).isBetween(400, 499);
                reply.assertErrorEnvelope(reply.status());
            }
        }
        assertThat(partner.get(INVOICES).status()).as("the demo tokens still work").isEqualTo(200);
    }

    @Test
    void theRefusalsOfEveryMethodCarryTheEnvelope() {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "BREW"}) {
            RawHttp.Answer answer = RawHttp.send(count.server().port(), method + " " + INVOICES
                    + "?search=%25zz%zz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            answer.assertEnvelope(400);
            assertThat(answer.code()).as(method).isEqualTo("validation_failed");
        }
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static String post(String target, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private String state() {
        return partner.get(INVOICES + "?limit=100").text().replaceAll("\"requestId\":\"[^\"]*\"", "")
                + count.server().demoWorkspace().outbox().size();
    }
}

package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 written byte by byte on a socket to 127.0.0.1, for what no well-behaved client would send: bad
 * escapes, broken chunks, lying lengths, oversized request lines. Reads one response.
 */
final class RawHttp {

    private RawHttp() {
    }

    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return PartnerClient.JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("Not JSON: " + body, notJson);
            }
        }

        /** COUNT's error envelope (contract §2) with this status, and nothing of a Java or Jetty internal. */
        Answer assertEnvelope(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(headers.get("content-type")).as(body).startsWith("application/json");
            JsonNode json = json();
            assertThat(json.path("status").asText()).as(body).isEqualTo("Error");
            assertThat(json.path("statusCode").asInt()).as(body).isEqualTo(expected);
            assertThat(json.path("message").asText()).as(body).isNotBlank();
            assertThat(json.path("errorCode").asText()).as(body).matches("[a-z]+(_[a-z]+)*");
            assertThat(json.path("requestId").asText()).as(body).isEqualTo(headers.get("x-request-id"));
            assertThat(body).as("no internals").doesNotContain("Exception", "at org.", "at com.", "at java.", "<html",
                    "jetty", "wiremock");
            return this;
        }

        String code() {
            return json().path("errorCode").asText();
        }

        String message() {
            return json().path("message").asText();
        }
    }

    static Answer send(int port, String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException refusedEarly) {
                // The server may answer and close before a body it refused was sent whole; the answer is read below.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("No answer to " + head.lines().findFirst().orElse(""), e);
        }
    }

    static Answer send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                chunks.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

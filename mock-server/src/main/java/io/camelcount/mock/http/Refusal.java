package io.camelcount.mock.http;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camelcount.mock.api.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A request refused before WireMock reads it, answered in COUNT's error envelope (contract §2). */
final class Refusal extends Exception {

    private final int status;
    private final String code;

    Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static Refusal badRequest(String message) {
        return new Refusal(400, "validation_failed", message);
    }

    /** Writes the envelope; the connection closes after it when the body was left unread. */
    void writeTo(HttpServletResponse response) throws IOException {
        ResponseDefinition envelope = ApiResponse.error(status, code, getMessage()).render();
        response.setStatus(status);
        for (HttpHeader header : envelope.getHeaders().all()) {
            response.setHeader(header.key(), header.firstValue());
        }
        byte[] body = envelope.getByteBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

package io.camelcount.mock.http;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camelcount.mock.api.ApiResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Jetty's answer to what it refuses itself (a request line or headers too long, a malformed URI or chunk, an
 * exception no one caught), in COUNT's envelope instead of Jetty's HTML page with its stack trace. It serves
 * both the connector, before any context exists, and the mock's servlet contexts.
 */
final class EnvelopeErrorHandler extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorHandler.class);
    private static final String FAILED = "The mock COUNT failed unexpectedly; its log has the details.";

    EnvelopeErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** Every method gets the envelope: Jetty's default leaves the body of a PUT, PATCH or DELETE error empty. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) {
            return;
        }
        if (response.getStatus() >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable bug) {
            LOG.warn("{} {} failed", request.getMethod(), request.getRequestURI(), bug);
        }
        Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        ResponseDefinition envelope = envelope(response.getStatus(), reason == null ? null : reason.toString());
        response.setStatus(envelope.getStatus());
        for (HttpHeader header : envelope.getHeaders().all()) {
            response.setHeader(header.key(), header.firstValue());
        }
        byte[] body = envelope.getByteBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A malformed request line or header, refused while parsing: Jetty sends the status, this the body. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ResponseDefinition envelope = envelope(status, reason);
        for (HttpHeader header : envelope.getHeaders().all()) {
            fields.put(header.key(), header.firstValue());
        }
        return ByteBuffer.wrap(envelope.getByteBody());
    }

    static ResponseDefinition envelope(int status, String reason) {
        if (status >= 500) {
            return ApiResponse.error(status, status == 503 ? "service_unavailable" : "internal_error", FAILED).render();
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 411 -> "length_required";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            default -> "bad_request";
        };
        return ApiResponse.error(status < 400 ? 400 : status, code, message(status, reason)).render();
    }

    private static String message(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + abbreviated(reason) + ")";
        return switch (status) {
            case 404 -> "No such page on the mock COUNT" + detail;
            case 413 -> "The request body is too large" + detail + "; JSON bodies may be at most 1 MiB, uploads 10"
                    + " files of 10 MiB each.";
            case 414 -> "The request line is too long" + detail + "; keep the request line and headers under 32 KiB in all.";
            case 431 -> "The request headers are too large" + detail + "; keep the request line and headers under 32 KiB in all.";
            default -> "The request is malformed" + detail + "; send well-formed HTTP/1.1 with a UTF-8, %-escaped URL.";
        };
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}

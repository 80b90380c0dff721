package io.camelcount.mock.auth;

import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.eclipse.jetty.http.HttpField;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which bytes a request's signature covers (contract §1.1): the body as received, except a file upload,
 * which is multipart rather than JSON and is signed with an empty body hash.
 *
 * <p>An empty hash lets any body through, so it is granted only where no JSON is read: on the upload
 * route, and only when the body really is {@code multipart/form-data}, opening with the boundary its
 * {@code Content-Type} names and closing with it. A JSON route never reads a body it did not sign:
 * whatever its {@code Content-Type} claims, the body there is hashed as received.
 */
public final class SignedBody {

    /**
     * The one route that takes multipart, as {@code ApiRoutes} serves it; should the two part, an upload
     * signed as empty is refused, which {@code SignedBodyTest} and {@code AttachmentTest} catch.
     */
    public static final String UPLOAD_ROUTE = "/partners/invoices/{uuid}/attachments/upload";

    private static final PathTemplate UPLOAD = new PathTemplate(UPLOAD_ROUTE);
    private static final String FORM_DATA = "multipart/form-data";
    /** RFC 2046 §5.1.1: 1 to 70 characters, not ending in a space. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");
    private static final byte[] NO_BODY = new byte[0];

    private SignedBody() {
    }

    /** The bytes whose SHA-256 is the request's body hash. */
    static byte[] of(Request request) {
        byte[] body = request.getBody() == null ? NO_BODY : request.getBody();
        return isMultipartUpload(request, body) ? NO_BODY : body;
    }

    /**
     * A signature refusal of a request that claims to be multipart, where the empty body hash was not granted,
     * says why: otherwise the partner reads "does not match" and checks its secret.
     */
    static AuthenticationException explained(AuthenticationException refusal, Request request) {
        if (!refusal.code().equals("invalid_signature") || !declaresMultipart(request.getHeader("Content-Type"))
                || of(request).length == 0) {
            return refusal;
        }
        return new AuthenticationException(refusal.code(), refusal.getMessage() + " The body was hashed as sent, because"
                + " only a file upload to POST " + UPLOAD_ROUTE + " is signed with an empty body hash, and only when its"
                + " body is multipart/form-data that opens and closes with the boundary its Content-Type names.");
    }

    /** Whether a {@code Content-Type} declares a multipart body, in any spelling or with any parameters. */
    public static boolean declaresMultipart(String contentType) {
        return contentType != null
                && HttpField.getValueParameters(contentType, new TreeMap<>()).trim().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isMultipartUpload(Request request, byte[] body) {
        return request.getMethod().equals(RequestMethod.POST)
                && UPLOAD.matches(RequestSignature.urlPath(request.getUrl()))
                && isFormData(request.getHeader("Content-Type"), body);
    }

    private static boolean isFormData(String contentType, byte[] body) {
        if (contentType == null) {
            return false;
        }
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String mediaType = HttpField.getValueParameters(contentType, parameters).trim();
        String boundary = parameters.get("boundary");
        if (!mediaType.equalsIgnoreCase(FORM_DATA) || boundary == null || !BOUNDARY.matcher(boundary).matches()) {
            return false;
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] closeDelimiter = ("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII);
        int end = body.length;
        while (end > 0 && (body[end - 1] == '\r' || body[end - 1] == '\n')) {
            end--;
        }
        return startsWith(body, delimiter, 0) && end >= closeDelimiter.length
                && startsWith(body, closeDelimiter, end - closeDelimiter.length);
    }

    private static boolean startsWith(byte[] body, byte[] prefix, int from) {
        return body.length - from >= prefix.length && Arrays.equals(body, from, from + prefix.length, prefix, 0, prefix.length);
    }
}

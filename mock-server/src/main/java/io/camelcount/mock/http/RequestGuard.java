package io.camelcount.mock.http;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.multipart.PartParser;
import io.camelcount.mock.auth.AuthenticationException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in front of WireMock, which would otherwise read what a client sends before any of the mock's code
 * runs, and answer a malformed part of it with a 500 and a stack trace: it decodes a form body and the
 * multipart parts of every request, inflates any body that looks like gzip, and reads bodies of any size
 * into memory (and, with the journal on, keeps them). So each request is checked here first, cheaply and in
 * this order, and refused in COUNT's envelope with the status and a message that names the problem:
 * <ol>
 * <li>a malformed {@code %} escape in the query (400);</li>
 * <li>a {@code Content-Encoding} (415): COUNT's contract has none, and WireMock would inflate any size;</li>
 * <li>a charset nobody knows (415);</li>
 * <li>a declared {@code Content-Length} above the route's limit (413), before reading a byte;</li>
 * <li>a body above the limit as it is read, when no length was declared (413);</li>
 * <li>a body that starts like gzip without saying so (400), which WireMock would inflate regardless;</li>
 * <li>a form body with a malformed escape, or a multipart body without a boundary or cut short (400).</li>
 * </ol>
 * What passes goes on with its body already read ({@link BufferedRequest}), so WireMock reads no more than
 * the limit allowed.
 */
final class RequestGuard implements Filter {

    /** COUNT's JSON bodies; the API checks the same limit again for a caller that reaches it another way. */
    static final int LARGEST_BODY = 1024 * 1024;
    /** The contract's upload: at most 10 files of 10 MiB, plus room for the multipart framing. */
    static final int LARGEST_UPLOAD = 10 * 10 * 1024 * 1024 + LARGEST_BODY;
    /** Seeds and stubs through the admin APIs, which a test may make large. */
    static final int LARGEST_ADMIN_BODY = 16 * 1024 * 1024;

    /** How much of a refused body is read and dropped so that the client can read the answer. */
    static final int LARGEST_DRAIN = 16 * 1024 * 1024;

    private static final Pattern UPLOAD_PATH = Pattern.compile("/partners/invoices/[^/]+/attachments/upload/?");
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");
    private static final String FILES_PATH = "/__files";
    private static final Pattern JOURNAL_PATH = Pattern.compile("/__admin/(requests|near-misses)(/.*)?");

    private final boolean journalOn;
    private final Supplier<UploadGate> uploadGate;

    /**
     * @param journalOn  whether WireMock keeps a request journal; when it does not, its routes answer 404
     * @param uploadGate the check of an upload's headers; null admits none above {@link #LARGEST_BODY}
     */
    RequestGuard(boolean journalOn, Supplier<UploadGate> uploadGate) {
        this.journalOn = journalOn;
        this.uploadGate = uploadGate;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        byte[] body;
        try {
            body = check(http);
        } catch (Refusal refusal) {
            if (http.getContentLengthLong() > LARGEST_DRAIN) {
                answer.setHeader("Connection", "close");
            }
            refusal.writeTo(answer);
            answer.flushBuffer();
            drain(http);
            return;
        }
        chain.doFilter(new BufferedRequest(http, body), response);
    }

    /**
     * After the answer is sent, reads and drops what is left of a refused body, up to {@link #LARGEST_DRAIN} bytes
     * and without keeping any of it: a client still sending when the connection closed would get a reset
     * instead of the answer. Beyond that, or when the client stops sending, Jetty closes the connection.
     */
    private static void drain(HttpServletRequest http) {
        byte[] sink = new byte[8192];
        long total = 0;
        try {
            InputStream rest = http.getInputStream();
            for (int read = rest.read(sink); read >= 0 && total <= LARGEST_DRAIN; read = rest.read(sink)) {
                total += read;
            }
        } catch (IOException | RuntimeException gone) {
            // The client went away or sent a malformed rest; it has its answer either way.
        }
    }

    private byte[] check(HttpServletRequest http) throws Refusal {
        String path = http.getRequestURI();
        if (path.equals(FILES_PATH) || path.startsWith(FILES_PATH + "/")) {
            throw new Refusal(404, "not_found", "The mock COUNT serves no files; its routes are under /partners,"
                    + " /auth2, /public and /__admin/count");
        }
        // WireMock answers a read of a disabled journal with a 500; clearing it (DELETE) stays a harmless no-op.
        if (!journalOn && JOURNAL_PATH.matcher(path).matches()
                && !(path.equals("/__admin/requests") && http.getMethod().equals("DELETE"))) {
            throw new Refusal(404, "not_found", "The request journal is off; start the mock with --request-journal"
                    + " <n> (builder: requestJournal(n)) to keep the last n requests.");
        }
        checkPath(path);
        checkQuery(http.getQueryString());
        checkEncoding(http.getHeader("Content-Encoding"));
        String contentType = http.getContentType();
        checkCharset(contentType);
        long declared = http.getContentLengthLong();
        int limit = limitFor(http, path, contentType, declared);
        if (declared > limit) {
            throw tooLarge(path, declared + " bytes", limit);
        }
        byte[] body = read(http, path, limit);
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            throw Refusal.badRequest("The body starts like gzip data, but COUNT takes request bodies uncompressed;"
                    + " send the JSON (or form, or multipart) bytes as they are.");
        }
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.contains("application/x-www-form-urlencoded")) {
                checkForm(body, charsetOf(contentType));
            } else if (type.stripLeading().startsWith("multipart/")) {
                checkMultipart(body, contentType);
            }
        }
        return body;
    }

    /**
     * The upload's 100 MiB only for a multipart body whose headers authenticate: an upload is signed with an empty
     * body hash, so they suffice, and an unauthenticated caller cannot make the mock read more than a JSON body's
     * 1 MiB. Anything else on that route (a body signed as sent, a caller COUNT refuses) is held to that limit and
     * goes on to the gateway, which answers it as it would any request.
     */
    private int limitFor(HttpServletRequest http, String path, String contentType, long declared) {
        int limit = limitFor(path);
        if (limit != LARGEST_UPLOAD || declared > LARGEST_UPLOAD) {
            return limit;
        }
        boolean multipart = contentType != null
                && contentType.toLowerCase(Locale.ROOT).stripLeading().startsWith("multipart/form-data");
        UploadGate gate = uploadGate.get();
        if (!multipart || gate == null) {
            return LARGEST_BODY;
        }
        try {
            gate.admit(http);
            return LARGEST_UPLOAD;
        } catch (AuthenticationException notYet) {
            return LARGEST_BODY;
        }
    }

    private static int limitFor(String path) {
        if (path.startsWith("/__admin")) {
            return LARGEST_ADMIN_BODY;
        }
        return UPLOAD_PATH.matcher(path).matches() ? LARGEST_UPLOAD : LARGEST_BODY;
    }

    private static Refusal tooLarge(String path, String size, int limit) {
        String allowed = limit == LARGEST_UPLOAD ? "an upload may be at most 10 files of 10 MiB each"
                : limit == LARGEST_BODY ? "JSON bodies may be at most " + LARGEST_BODY + " bytes (1 MiB)"
                : "admin bodies may be at most " + limit + " bytes";
        return new Refusal(413, "payload_too_large", "The request body is " + size + "; " + allowed
                + " (" + abbreviated(path) + ")");
    }

    /**
     * Jetty decodes and normalises the path before it picks a context, so {@code /partners/%2e%2e/__admin/...}
     * would reach the admin API; a segment that decodes to a dot segment or holds a separator is refused.
     */
    private static void checkPath(String rawPath) throws Refusal {
        for (String segment : rawPath.split("/", -1)) {
            // Most segments have no escape at all, and decode to themselves.
            String decoded = segment.indexOf('%') < 0 ? segment : decoded(segment);
            if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.contains("\\")
                    || decoded.indexOf('\0') >= 0 || (!decoded.equals(segment) && segment.contains(";"))) {
                throw Refusal.badRequest("The path has a dot segment, an encoded separator or a NUL; send the"
                        + " route's path as the contract writes it, e.g. /partners/invoices/{uuid}.");
            }
        }
    }

    /** A {@code +} in a path is itself, not a space. */
    private static String decoded(String segment) throws Refusal {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw Refusal.badRequest("The path has a malformed %-escape; escape bytes as %XX in hex.");
        }
    }

    private static void checkQuery(String query) throws Refusal {
        if (query == null) {
            return;
        }
        Matcher bad = BAD_ESCAPE.matcher(query);
        if (bad.find()) {
            int start = query.lastIndexOf('&', bad.start()) + 1;
            int equals = query.indexOf('=', start);
            String name = equals < 0 || equals > bad.start() ? "a parameter name" : "query parameter "
                    + abbreviated(query.substring(start, equals));
            throw Refusal.badRequest("The query string has a malformed %-escape in " + name
                    + "; write a literal % as %25 and escape other bytes as %XX in hex.");
        }
    }

    private static void checkEncoding(String encoding) throws Refusal {
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new Refusal(415, "unsupported_media_type", "Content-Encoding " + abbreviated(encoding)
                    + " is not accepted; send the body uncompressed, without a Content-Encoding header.");
        }
    }

    private static void checkCharset(String contentType) throws Refusal {
        if (contentType != null && charsetOf(contentType) == null) {
            throw new Refusal(415, "unsupported_media_type", "The Content-Type names a charset this server does"
                    + " not know; send UTF-8 (\"application/json; charset=utf-8\").");
        }
    }

    /** The Content-Type's charset, UTF-8 when it names none, null when it names an unknown or malformed one. */
    private static Charset charsetOf(String contentType) {
        Matcher charset = CHARSET.matcher(contentType);
        if (!charset.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            String name = charset.group(1);
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException malformed) { // IllegalCharsetNameException among them
            return null;
        }
    }

    /** At most {@code limit} bytes: one more is a 413, and the rest is never read. */
    private static byte[] read(HttpServletRequest http, String path, int limit) throws Refusal {
        byte[] body;
        try {
            body = readUpTo(http.getInputStream(), limit + 1, (int) Math.max(0, Math.min(limit, http.getContentLengthLong())));
        } catch (BadMessageException malformed) {
            throw unreadable(malformed);
        } catch (IOException unreadable) {
            // A malformed chunk and a client that stops mid-body look alike here (Jetty's "Early EOF"); the
            // answer is the same, and a client that has gone never reads it.
            throw Refusal.badRequest("The request body could not be read (" + unreadable.getMessage() + "); send"
                    + " the whole body with its Content-Length, or well-formed chunks.");
        }
        if (body.length > limit) {
            throw tooLarge(path, "more than " + limit + " bytes", limit);
        }
        return body;
    }

    /**
     * The body up to its end or {@code max} bytes, in a buffer of the declared length that grows only if more
     * arrives: {@code InputStream.readNBytes} would take 8 KiB for every request, a body-less GET included, and
     * copy the body out of it.
     *
     * @param expected the declared length, 0 when none was
     */
    static byte[] readUpTo(InputStream in, int max, int expected) throws IOException {
        byte[] buffer = new byte[Math.min(max, expected)];
        int length = 0;
        while (length < max) {
            if (length == buffer.length) {
                int next = in.read();
                if (next < 0) {
                    return buffer;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(max, Math.max(2L * length, 256)));
                buffer[length++] = (byte) next;
            } else {
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    return Arrays.copyOf(buffer, length);
                }
                length += read;
            }
        }
        return buffer;
    }

    private static Refusal unreadable(BadMessageException malformed) {
        return malformed.getCode() == 413 ? new Refusal(413, "payload_too_large", "The request body is too large: "
                + malformed.getReason()) : Refusal.badRequest("The request body could not be read: "
                + malformed.getReason() + "; send a Content-Length, or well-formed chunks.");
    }

    /** As WireMock decodes it (Jetty's decoder), which throws on a malformed escape. */
    private static void checkForm(byte[] body, Charset charset) throws Refusal {
        try {
            UrlEncoded.decodeTo(new String(body, charset), new MultiMap<>(), charset);
        } catch (RuntimeException malformed) {
            throw Refusal.badRequest("The form body (application/x-www-form-urlencoded) is malformed: "
                    + abbreviated(String.valueOf(malformed.getMessage()))
                    + "; write a literal % as %25 and escape other bytes as %XX in hex.");
        }
    }

    /** As WireMock parses it for every multipart request (its journal records the parts). */
    private static void checkMultipart(byte[] body, String contentType) throws Refusal {
        if (!contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw Refusal.badRequest("The multipart Content-Type has no boundary; send"
                    + " \"multipart/form-data; boundary=<token>\" and separate the parts with it.");
        }
        try {
            PartParser.parseFrom(ImmutableRequest.create()
                    .withAbsoluteUrl("http://localhost/")
                    .withMethod(RequestMethod.POST)
                    .withHeader("Content-Type", contentType)
                    .withBody(body)
                    .build());
        } catch (Exception malformed) { // WireMock rethrows the parser's checked exception undeclared
            throw Refusal.badRequest("The multipart/form-data body is malformed (cut short, or not divided by"
                    + " its boundary): " + abbreviated(String.valueOf(malformed.getMessage())));
        }
    }

    /** Enough of a hostile value to find it, without echoing megabytes back. */
    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}

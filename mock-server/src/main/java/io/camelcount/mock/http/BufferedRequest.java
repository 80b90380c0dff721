package io.camelcount.mock.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request whose body the {@link RequestGuard} has already read, within its limit; WireMock reads it from here.
 *
 * <p>It also answers header lookups from an index of the headers, built once. WireMock copies a request's
 * headers in one pass over Jetty's fields only when it is handed Jetty's own request, which this wrapper is not;
 * otherwise it asks for every header name's first value and then all its values, each a scan of every header,
 * for each copy it makes. The index gives the answers Jetty would: a name's values whatever their case, in the
 * order they came, and the names as Jetty lists them (each distinct spelling once).
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    /** Each name's values, whatever its case. */
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** The names as Jetty gives them: each distinct spelling once. */
    private final Collection<String> headerNames;

    BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
        HttpFields fields = Request.getBaseRequest(request).getHttpFields();
        if (fields == null) {
            fields = HttpFields.EMPTY;
        }
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        headerNames = fields.getFieldNamesCollection();
    }

    @Override
    public String getHeader(String name) {
        List<String> values = name == null ? null : headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        List<String> values = name == null ? null : headers.get(name);
        return values == null ? Collections.emptyEnumeration() : Collections.enumeration(values);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headerNames);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            /**
             * WireMock reads the body with this; the default reads into a fresh 8 KiB buffer and copies it out,
             * several times the size of a JSON body, on every request.
             */
            @Override
            public byte[] readAllBytes() {
                return bytes.readAllBytes();
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}

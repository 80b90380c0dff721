package io.camelcount.mock.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** The buffered request's header index answers every lookup as Jetty's own request does. */
class BufferedRequestHeadersTest {

    @Test
    void headersAreAnsweredAsJettyAnswersThem() {
        Request jetty = jettyRequest(HttpFields.build()
                .add("X-Client-Id", "app")
                .add("x-signature", "first")
                .add("X-Signature", "second")
                .add("Content-Type", "application/json")
                .add("X-Empty", "")
                .add("x-custom", "one")
                .add("X-CUSTOM", "two"));
        BufferedRequest buffered = new BufferedRequest(jetty, new byte[0]);

        assertThat(Collections.list(buffered.getHeaderNames())).isEqualTo(Collections.list(jetty.getHeaderNames()));
        for (String name : new String[] {"x-client-id", "X-SIGNATURE", "content-type", "x-empty", "X-Custom", "absent"}) {
            assertThat(buffered.getHeader(name)).as(name).isEqualTo(jetty.getHeader(name));
            assertThat(Collections.list(buffered.getHeaders(name))).as(name).isEqualTo(Collections.list(jetty.getHeaders(name)));
        }
        assertThat(buffered.getHeader(null)).isNull();
        assertThat(Collections.list(buffered.getHeaders(null))).isEmpty();
    }

    @Test
    void aRequestWithoutHeadersHasNone() {
        BufferedRequest buffered = new BufferedRequest(jettyRequest(HttpFields.build()), new byte[0]);
        assertThat(buffered.getHeaderNames().hasMoreElements()).isFalse();
        assertThat(buffered.getHeader("Authorization")).isNull();
    }

    private static Request jettyRequest(HttpFields.Mutable fields) {
        Request request = new Request(null, null);
        request.setMetaData(new MetaData.Request("GET", HttpURI.from("http://localhost/partners/invoices"),
                HttpVersion.HTTP_1_1, fields.asImmutable()));
        return request;
    }
}

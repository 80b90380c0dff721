package io.camelcount.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelcount.mock.seed.DemoWorkspace;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The user's alternative to the {@code count:} component, the anchor of issue 19: what an integrator writes without
 * it, from COUNT's contract alone. A route to camel-http whose processor signs each request (contract §1: the
 * headers, the timestamp, the body's digest, an HMAC-SHA256 of the base) and whose answer Jackson reads into a
 * {@code Map}, the envelope with the invoice in {@code data}. Nothing of the component is used, not even its signer:
 * an integrator does not have it.
 */
final class CamelHttpRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:camel-http-get-invoice";
    /** The UUID of the invoice to get. */
    static final String INVOICE_UUID = "invoiceUuid";

    private final String baseUrl;

    CamelHttpRoute(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public void configure() {
        from(ENDPOINT)
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setHeader(Exchange.HTTP_PATH, simple("/${header." + INVOICE_UUID + "}"))
                .removeHeader(INVOICE_UUID)
                .process(new CountSignature(DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET, DemoWorkspace.ACCESS_TOKEN))
                .to(baseUrl + "/partners/invoices")
                .unmarshal().json(JsonLibrary.Jackson, Map.class);
    }

    /** Contract §1.1, as the integrator writes it: a fresh {@code Mac} and {@code MessageDigest} for each request. */
    static final class CountSignature implements Processor {

        private static final HexFormat HEX = HexFormat.of();

        private final String clientId;
        private final String clientSecret;
        private final String accessToken;

        CountSignature(String clientId, String clientSecret, String accessToken) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.accessToken = accessToken;
        }

        @Override
        public void process(Exchange exchange) throws GeneralSecurityException {
            String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
            // The endpoint's path is /partners/invoices; COUNT signs what follows /partners.
            String signedPath = "/invoices" + exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
            byte[] body = exchange.getMessage().getBody(byte[].class);
            String bodyHash = body != null && body.length > 0 && !method.equals("GET") && !method.equals("DELETE")
                    ? HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body)) : "";
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String base = method + ":" + signedPath + ":" + timestamp + ":" + bodyHash;
            exchange.getMessage().setHeader("x-client-id", clientId);
            exchange.getMessage().setHeader("x-timestamp", timestamp);
            exchange.getMessage().setHeader("x-signature", HEX.formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8))));
            exchange.getMessage().setHeader("Authorization", "Bearer " + accessToken);
            exchange.getMessage().setHeader("Accept", "application/json");
        }
    }
}

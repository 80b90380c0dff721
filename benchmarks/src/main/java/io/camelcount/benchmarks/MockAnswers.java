package io.camelcount.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelcount.mock.seed.DemoWorkspace;

/**
 * What the mock COUNT really answers to a create and to a get of the invoice it created, so that a static stub can
 * answer the very same bytes.
 *
 * @param invoiceUuid  the invoice created
 * @param createAnswer the 201 answer to {@link #CREATE_BODY}
 * @param getAnswer    the 200 answer to {@code GET /partners/invoices/{invoiceUuid}}
 */
record MockAnswers(String invoiceUuid, byte[] createAnswer, byte[] getAnswer) {

    static final String INVOICES = "/partners/invoices";
    /** Already JavaScript-canonical, as COUNT's signature wants it. */
    static final byte[] CREATE_BODY = ("{\"customerUuid\":\"" + DemoWorkspace.ACME_TRADING + "\",\"date\":\"2026-11-24\","
            + "\"products\":[{\"productUuid\":\"" + DemoWorkspace.CONSULTING_HOUR + "\",\"quantity\":2,\"unitPrice\":120}]}")
            .getBytes(StandardCharsets.UTF_8);

    /** Creates one invoice in the mock at {@code baseUrl} and gets it back. */
    static MockAnswers capture(SignedHttp http, String baseUrl) throws IOException {
        SignedHttp.Answer created = http.post(baseUrl, INVOICES, CREATE_BODY);
        if (created.status() != 201) {
            throw new IOException("The mock refused the create: " + created.status() + " "
                    + new String(created.body(), StandardCharsets.UTF_8));
        }
        // COUNT's live shape names it id; the documented one uuid (contract §2): the mock may answer either.
        JsonNode invoice = new ObjectMapper().readTree(created.body()).path("data");
        String uuid = invoice.path(invoice.has("uuid") ? "uuid" : "id").asText();
        SignedHttp.Answer got = http.get(baseUrl, INVOICES + "/" + uuid);
        if (got.status() != 200) {
            throw new IOException("The mock refused the get: " + got.status());
        }
        return new MockAnswers(uuid, created.body(), got.body());
    }

    String invoicePath() {
        return INVOICES + "/" + invoiceUuid;
    }
}

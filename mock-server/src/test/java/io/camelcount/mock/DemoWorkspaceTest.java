package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mock with the demo workspace on a free port, its clock frozen at 2026-11-24T10:00:00Z, and a partner
 * signed in as the demo client; plus shortcuts to make documents over HTTP. The rate limit is off: these
 * tests are about business rules, and with a frozen clock the window would never move (RateLimitTest
 * covers the limit).
 */
abstract class DemoWorkspaceTest {

    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    final MockClock clock = MockClock.fixed(START);
    CountMockServer server;
    PartnerClient partner;

    @BeforeEach
    void startMock() {
        server = configure(CountMockServer.builder().port(0).clock(clock).rateLimit(0)).start();
        partner = new PartnerClient(server);
    }

    /** A test that needs more (another workspace, another partner) adds it here. */
    CountMockServer.Builder configure(CountMockServer.Builder builder) {
        return builder;
    }

    @AfterEach
    void stopMock() {
        server.stop();
    }

    /** Creates a document over HTTP and returns its UUID; see {@link Bodies#document}. */
    String create(String type, String customerUuid, String amount, boolean approved) {
        return created(partner.post("/partners/invoices", Bodies.document(type, customerUuid, amount, approved))).dataText("id");
    }

    String approvedInvoice(String amount) {
        return create("invoice", Bodies.ACME, amount, true);
    }

    String approvedMemo(String amount) {
        return create("memo", Bodies.ACME, amount, true);
    }

    static Reply created(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply;
    }

    static Reply ok(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    Reply invoice(String uuid) {
        return ok(partner.get("/partners/invoices/" + uuid));
    }

    /** The address of the document's public page, as a partner would send it to the customer. */
    String publicLink(String uuid) {
        return ok(partner.get("/partners/invoices/" + uuid + "/public-link")).dataText("url");
    }

    /** Each document as the API shows it, with its audit log: what a refused request must leave as it was. */
    Map<String, JsonNode> snapshot(String... uuids) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String uuid : uuids) {
            documents.put(uuid, PartnerClient.JSON.createObjectNode()
                    .<ObjectNode>set("document", invoice(uuid).data())
                    .set("auditLog", ok(partner.get("/partners/invoices/" + uuid + "/audit-log")).data()));
        }
        return documents;
    }

    /** A refusal in COUNT's envelope with this status and code, whose message names {@code field} (or says this). */
    static void assertRefused(Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        reply.assertErrorEnvelope(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.message()).contains(field);
    }
}

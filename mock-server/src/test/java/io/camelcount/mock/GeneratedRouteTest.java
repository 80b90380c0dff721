package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Call;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.api.ApiRoutes;
import io.camelcount.mock.api.ApiRoutes.Endpoint;
import io.camelcount.mock.domain.CustomerQuery;
import io.camelcount.mock.domain.TransactionQuery;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.junit.CountMockExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route of the mock's route table ({@link ApiRoutes#endpoints()}) with what a fuzzer sends: every
 * authentication defect, malformed and wrong-typed bodies, bad query values, and a null for every field of every
 * update. Each is answered with a 4xx in COUNT's envelope and changes nothing (a null may also reset its field
 * with a 200, as docs/WIRE-FORMAT.md says, but never fails). The counts are printed for the note.
 */
class GeneratedRouteTest {

    @RegisterExtension
    static CountMockExtension count = CountMockExtension.builder()
            .clockFrozenAt(Instant.parse("2026-11-24T10:00:00Z"))
            .configure(server -> server.rateLimit(0))
            .build();

    /** What each defect does to an otherwise valid call. */
    private static final Map<String, UnaryOperator<Call>> AUTH_DEFECTS = authDefects();
    private static final Map<String, String> BAD_BODIES = badBodies();
    private static final Map<String, String> BAD_PAGING = Map.of(
            "page=abc", "page=abc", "limit=abc", "limit=abc", "page=0", "page=0", "limit=-1", "limit=-1",
            "limit=101", "limit=101", "page huge", "page=99999999999999999999", "limit=1e3", "limit=1e3",
            "page twice", "page=1&page=2");
    private static final Map<String, String> BAD_ESCAPES = Map.of(
            "bad escape in a value", "search=%zz", "truncated escape", "search=%4", "bad escape in a name", "%g0=1",
            "lone percent", "%");

    private static Map<String, UnaryOperator<Call>> authDefects() {
        Map<String, UnaryOperator<Call>> defects = new LinkedHashMap<>();
        defects.put("no signature headers", call -> call.without("x-signature").without("x-timestamp").without("x-client-id"));
        defects.put("no x-signature", call -> call.without("x-signature"));
        defects.put("bad signature", call -> call.signature("0".repeat(64)));
        defects.put("signature of another secret", call -> call.secret("not-the-secret"));
        defects.put("unknown client", call -> call.clientId("no-such-client"));
        defects.put("expired timestamp", call -> call.timestamp(Long.toString(
                count.clock().instant().minusSeconds(3600).getEpochSecond())));
        defects.put("timestamp not a number", call -> call.timestamp("yesterday"));
        defects.put("no bearer", call -> call.token(null));
        defects.put("unknown bearer", call -> call.token("no-such-token"));
        return defects;
    }

    private static Map<String, String> badBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("unterminated", "{");
        bodies.put("trailing garbage", "{} x");
        bodies.put("single quotes", "{'a':1}");
        bodies.put("an array", "[]");
        bodies.put("a string", "\"text\"");
        bodies.put("a number", "42");
        bodies.put("true", "true");
        bodies.put("null", "null");
        bodies.put("nested 1000 deep", "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
        bodies.put("a number beyond BigDecimal", "{\"a\":1e2147483648}");
        return bodies;
    }

    private PartnerClient partner;
    private AdminClient admin;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    @TestFactory
    List<DynamicTest> everyRouteRefusesEveryDefectAndChangesNothing() {
        partner = new PartnerClient(count.server());
        admin = new AdminClient(count.server());
        Map<String, String> targets = targets();
        List<Endpoint> endpoints = ApiRoutes.partnerApi(count.server().webhooks().subscriptions()).endpoints();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path().replace("{uuid}", targetFor(endpoint, targets));
            String name = endpoint.method() + " " + endpoint.path();
            String method = endpoint.method().getName();
            AUTH_DEFECTS.forEach((defect, breaking) -> tests.add(refused("auth", name + ": " + defect, 401,
                    () -> breaking.apply(call(method, path, validBody(endpoint))).send())));
            BAD_ESCAPES.forEach((defect, query) -> tests.add(refusedRaw(name + ": " + defect, method + " " + path + "?"
                    + query + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")));
            if (endpoint.page()) {
                BAD_PAGING.forEach((defect, query) -> tests.add(refused("query", name + ": " + defect, 400,
                        () -> call(method, path + "?" + query, null).send())));
            }
            if (readsJson(endpoint)) {
                BAD_BODIES.forEach((defect, body) -> tests.add(refused("body", name + ": body " + defect, 400,
                        () -> call(method, path, body).send())));
            }
            if (isUpdate(endpoint)) {
                for (String field : fieldsOf(path)) {
                    tests.add(nullField(name + ": " + field + " null", method, path, field));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("the demo credentials still work after it all",
                () -> assertThat(partner.get("/partners/invoices").status()).isEqualTo(200)));
        System.out.printf("Generated route tests: %d routes, %d cases %s%n", endpoints.size(), tests.size() - 1, counts);
        return tests;
    }

    private DynamicTest refused(String kind, String name, int status, Supplier<Reply> send) {
        counts.merge(kind, 1, Integer::sum);
        return DynamicTest.dynamicTest(name, () -> {
            String before = state();
            Reply reply = send.get();
            assertThat(reply.status()).as(name + " " + reply.text()).isEqualTo(status);
            reply.assertErrorEnvelope(status);
            assertThat(state()).as(name + " changed nothing").isEqualTo(before);
        });
    }

    /** A request no Java client would send, refused before authentication. */
    private DynamicTest refusedRaw(String name, String request) {
        counts.merge("query", 1, Integer::sum);
        return DynamicTest.dynamicTest(name, () -> {
            String before = state();
            RawHttp.send(count.server().port(), request).assertEnvelope(400);
            assertThat(state()).as(name + " changed nothing").isEqualTo(before);
        });
    }

    /** A null resets the field (200) or is refused (4xx, nothing changed); it never fails. */
    private DynamicTest nullField(String name, String method, String path, String field) {
        counts.merge("null field", 1, Integer::sum);
        return DynamicTest.dynamicTest(name, () -> {
            String before = state();
            Reply reply = call(method, path, "{\"" + field + "\":null}").send();
            assertThat(reply.status()).as(name + " " + reply.text()).isIn(200, 400);
            if (reply.status() == 400) {
                reply.assertErrorEnvelope(400);
                assertThat(reply.message()).as(name).isNotBlank();
                assertThat(state()).as(name + " changed nothing").isEqualTo(before);
            }
        });
    }

    private Call call(String method, String path, String body) {
        Call call = partner.call(method, path);
        return body == null ? call : call.body(body);
    }

    /** The documents the routes act on: refused calls must leave them as they are. */
    private Map<String, String> targets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("draft", id(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "100", false))));
        targets.put("invoice", id(partner.post("/partners/invoices", Bodies.document("invoice", Bodies.ACME, "100", true))));
        targets.put("memo", id(partner.post("/partners/invoices", Bodies.document("memo", Bodies.ACME, "10", true))));
        targets.put("template", id(partner.post("/partners/recurring-invoice-templates", "{\"customerUuid\":\""
                + Bodies.ACME + "\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"monthly\",\"products\":[{\"productUuid\":\""
                + Bodies.CONSULTING + "\",\"quantity\":1,\"unitPrice\":10}]}")));
        String tag = id(partner.post("/partners/tags", "{\"name\":\"North\"}"));
        targets.put("tag", tag);
        targets.put("group", id(partner.post("/partners/tags/groups", "{\"name\":\"Regions\",\"tagUuids\":[\"" + tag + "\"]}")));
        targets.put("transaction", id(partner.post(TransactionTest.TRANSACTIONS, TransactionTest.deposit("100"))));
        assertThat(partner.post(TransactionTest.TRANSACTIONS + "/" + targets.get("transaction") + "/assign-to-bills-invoices",
                "{\"matchingType\":\"invoice\",\"records\":[{\"id\":\"" + targets.get("invoice") + "\",\"paymentAmount\":10}]}")
                .status()).isEqualTo(200);
        // Port 1 refuses connections: the setup's own events fail fast, and the frozen clock never retries them.
        targets.put("webhook", partner.post("/partners/webhooks", "{\"event\":\"invoice.updated\","
                + "\"callbackUrl\":\"http://127.0.0.1:1/hook\",\"signingSecret\":\"s3cret\"}").data().path("webhook")
                .path("uuid").asText());
        targets.put("customer", Bodies.GLOBEX);
        targets.put("product", Bodies.CONSULTING);
        return targets;
    }

    private static String id(Reply created) {
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.dataText("id");
    }

    private static String targetFor(Endpoint endpoint, Map<String, String> targets) {
        String path = endpoint.path();
        if (path.startsWith("/partners/invoices/")) {
            if (path.endsWith("apply-credit-to-multiple-invoices")) {
                return targets.get("memo");
            }
            boolean onDraft = path.equals("/partners/invoices/{uuid}") || path.endsWith("/approve");
            return targets.get(onDraft ? "draft" : "invoice");
        }
        if (path.startsWith("/partners/recurring-invoice-templates/")) {
            return targets.get("template");
        }
        if (path.startsWith("/partners/tags/groups/")) {
            return targets.get("group");
        }
        if (path.startsWith("/partners/tags/")) {
            return targets.get("tag");
        }
        if (path.startsWith("/partners/transactions/")) {
            return targets.get("transaction");
        }
        if (path.startsWith("/partners/webhooks/")) {
            return targets.get("webhook");
        }
        return targets.get(path.startsWith("/partners/customers/") ? "customer" : "product");
    }

    private static boolean readsJson(Endpoint endpoint) {
        String method = endpoint.method().getName();
        String path = endpoint.path();
        return Set.of("POST", "PUT", "PATCH").contains(method) && !path.endsWith("/approve") && !path.endsWith("/pause")
                && !path.endsWith("/resume");
    }

    /** A partial update of one resource: {@code PATCH} or {@code PUT} of {@code …/{uuid}} itself. */
    private static boolean isUpdate(Endpoint endpoint) {
        return Set.of("PUT", "PATCH").contains(endpoint.method().getName()) && endpoint.path().endsWith("/{uuid}");
    }

    /** A body that would pass, so that the defect alone is wrong; null for a route that reads none. */
    private static String validBody(Endpoint endpoint) {
        return readsJson(endpoint) ? "{}" : null;
    }

    /**
     * Every field the resource answers with: the updatable ones and the read-only ones alike. A webhook subscription
     * is answered under {@code data.webhook} (contract §8).
     */
    private List<String> fieldsOf(String path) {
        JsonNode data = partner.get(path).data();
        data = data.has("webhook") ? data.get("webhook") : data;
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        return fields;
    }

    /** What the admin API shows, and every list of the demo workspace; a changed document is a new object. */
    private String state() {
        Workspace workspace = count.server().demoWorkspace();
        return admin.get("/state").data().toString() + List.of(workspace.invoices(), workspace.templates(null, null),
                workspace.customers(new CustomerQuery(null, CustomerQuery.Order.CREATED_AT, false)), workspace.products(null),
                workspace.tags(null), workspace.tagGroups(null), workspace.outbox(),
                workspace.transactions(new TransactionQuery(null, null, null, null, null)),
                count.server().webhooks().subscriptions().all());
    }
}

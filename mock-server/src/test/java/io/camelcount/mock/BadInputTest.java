package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.Tag;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route against input no client should send: malformed JSON, wrong types, ids that are not UUIDs or
 * belong to another workspace, oversized bodies. The answer is always a 4xx in COUNT's envelope and the
 * workspace is unchanged.
 */
class BadInputTest extends DemoWorkspaceTest {

    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-000000000002");
    private static final UUID OTHER_CUSTOMER = UUID.fromString("7e57a11a-0000-4000-8000-0000000000c1");
    private static final UUID OTHER_PRODUCT = UUID.fromString("7e57a11a-0000-4000-8000-0000000000b1");
    private static final UUID OTHER_TAG = UUID.fromString("7e57a11a-0000-4000-8000-0000000000d1");
    private static final String TEMPLATE = "{\"customerUuid\":\"%s\",\"date\":\"2026-12-01\",\"recurrencePattern\":\"monthly\","
            + "\"products\":[{\"productUuid\":\"%s\",\"quantity\":1,\"unitPrice\":10}]}";

    /** A route of the partner API; {@code kind} says which resource its {@code {uuid}} names, null for none. */
    private record Route(String method, String path, String kind) {
        boolean readsJson() {
            return !method.equals("GET") && !method.equals("DELETE") && !path.endsWith("/approve")
                    && !path.endsWith("/pause") && !path.endsWith("/resume") && !path.endsWith("/upload");
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/partners/invoices", null),
            new Route("POST", "/partners/invoices", null),
            new Route("GET", "/partners/invoices/{uuid}", "invoice"),
            new Route("PATCH", "/partners/invoices/{uuid}", "draft"),
            new Route("DELETE", "/partners/invoices/{uuid}", "draft"),
            new Route("PATCH", "/partners/invoices/{uuid}/approve", "draft"),
            new Route("POST", "/partners/invoices/{uuid}/send", "invoice"),
            new Route("GET", "/partners/invoices/{uuid}/public-link", "invoice"),
            new Route("GET", "/partners/invoices/{uuid}/audit-log", "invoice"),
            new Route("POST", "/partners/invoices/{uuid}/attachments", "invoice"),
            new Route("POST", "/partners/invoices/{uuid}/attachments/upload", "invoice"),
            new Route("PATCH", "/partners/invoices/{uuid}/apply-multiple-credit-to-invoice", "invoice"),
            new Route("PATCH", "/partners/invoices/{uuid}/apply-credit-to-multiple-invoices", "memo"),
            new Route("PATCH", "/partners/invoices/{uuid}/remove-credit", "invoice"),
            new Route("GET", "/partners/recurring-invoice-templates", null),
            new Route("POST", "/partners/recurring-invoice-templates", null),
            new Route("GET", "/partners/recurring-invoice-templates/{uuid}", "template"),
            new Route("PATCH", "/partners/recurring-invoice-templates/{uuid}", "template"),
            new Route("DELETE", "/partners/recurring-invoice-templates/{uuid}", "template"),
            new Route("POST", "/partners/recurring-invoice-templates/{uuid}/pause", "template"),
            new Route("POST", "/partners/recurring-invoice-templates/{uuid}/resume", "template"),
            new Route("GET", "/partners/customers", null),
            new Route("POST", "/partners/customers", null),
            new Route("GET", "/partners/customers/{uuid}", "customer"),
            new Route("PUT", "/partners/customers/{uuid}", "customer"),
            new Route("GET", "/partners/products", null),
            new Route("POST", "/partners/products", null),
            new Route("GET", "/partners/products/{uuid}", "product"),
            new Route("PATCH", "/partners/products/{uuid}", "product"),
            new Route("GET", "/partners/tags", null),
            new Route("POST", "/partners/tags", null),
            new Route("GET", "/partners/tags/{uuid}", "tag"));

    private Map<String, String> ours;
    private Map<String, String> theirs;

    @Override
    CountMockServer.Builder configure(CountMockServer.Builder builder) {
        return builder.workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                .customer(new Customer(OTHER_CUSTOMER, "Initech", "ap@initech.example"))
                .product(new Product(OTHER_PRODUCT, "Audit", new BigDecimal("900"), UUID.randomUUID()))
                .tag(new Tag(OTHER_TAG, "Theirs"))
                .accessGrant(DemoWorkspace.CLIENT_ID, "other-access-token", "other-refresh-token")
                .build());
    }

    /** A tag created through the API, read back from the workspace: this test is about refusals, not tag answers. */
    @BeforeEach
    void documents() {
        ours = Map.of(
                "invoice", approvedInvoice("100"),
                "draft", create("invoice", Bodies.ACME, "100", false),
                "memo", approvedMemo("100"),
                "template", created(partner.post("/partners/recurring-invoice-templates",
                        TEMPLATE.formatted(Bodies.ACME, Bodies.CONSULTING))).dataText("id"),
                "customer", Bodies.ACME,
                "product", Bodies.CONSULTING,
                "tag", created(partner.post("/partners/tags", "{\"name\":\"Ours\"}")).dataText("id"));
        PartnerClient other = new PartnerClient(server.baseUrl(), clock, DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET,
                "other-access-token");
        String invoiceBody = Bodies.document("invoice", OTHER_CUSTOMER, "100", true).replace(Bodies.CONSULTING, OTHER_PRODUCT.toString());
        theirs = Map.of(
                "invoice", created(other.post("/partners/invoices", invoiceBody)).dataText("id"),
                "draft", created(other.post("/partners/invoices", invoiceBody.replace("\"isDraft\":false", "\"isDraft\":true"))).dataText("id"),
                "memo", created(other.post("/partners/invoices", invoiceBody.replace("\"invoice\"", "\"memo\""))).dataText("id"),
                "template", created(other.post("/partners/recurring-invoice-templates",
                        TEMPLATE.formatted(OTHER_CUSTOMER, OTHER_PRODUCT))).dataText("id"),
                "customer", OTHER_CUSTOMER.toString(),
                "product", OTHER_PRODUCT.toString(),
                "tag", OTHER_TAG.toString());
    }

    /** Everything a partner can read of the workspace, to show that a refused request changed none of it. */
    private String state() {
        StringBuilder state = new StringBuilder();
        for (String list : new String[] {"/partners/invoices?limit=100", "/partners/recurring-invoice-templates?isDraft=all",
                "/partners/customers?limit=100", "/partners/products?limit=100", "/partners/tags?limit=100"}) {
            state.append(ok(partner.get(list)).data());
        }
        for (String uuid : ours.values()) {
            Reply log = partner.get("/partners/invoices/" + uuid + "/audit-log");
            state.append(log.status() == 200 ? log.data() : "");
        }
        return state.append(server.demoWorkspace().outbox().size()).toString();
    }

    private Reply send(Route route, String id, String body) {
        String path = route.path().replace("{uuid}", id);
        return body == null ? partner.call(route.method(), path).send() : partner.call(route.method(), path).body(body).send();
    }

    private static void assertRefused(Reply reply, Route route, int status, String code, String field) {
        assertThat(reply.status()).as(route + " " + reply.text()).isEqualTo(status);
        reply.assertErrorEnvelope(status);
        assertThat(reply.code()).as(route.toString()).isEqualTo(code);
        assertThat(reply.message()).as(route.toString()).contains(field);
    }

    @Test
    void malformedJsonIsRefusedOnEveryRouteThatReadsABody() {
        String before = state();
        for (Route route : ROUTES) {
            if (!route.readsJson()) {
                continue;
            }
            String id = route.kind() == null ? "" : ours.get(route.kind());
            for (String body : new String[] {"{", "[1]", "\"text\"", "{\"a\":1} trailing", "nul", "{'a':1}", "[".repeat(5000)}) {
                assertRefused(send(route, id, body), route, 400, "validation_failed", "body");
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void wrongTypesAreRefusedOnEveryRouteThatReadsABody() {
        String before = state();
        String wrong = "{\"customerUuid\":[],\"date\":{},\"dueDate\":1,\"products\":\"x\",\"creditMemos\":[null],\"invoices\":7,"
                + "\"memoId\":{},\"attachments\":[1],\"recipients\":\"a@b.example\",\"recurrencePattern\":[],"
                + "\"customer\":false,\"addresses\":[1],\"name\":1e999999999,\"unitPrice\":\"1\",\"categoryAccountUuid\":2}";
        for (Route route : ROUTES) {
            if (route.readsJson()) {
                Reply reply = send(route, route.kind() == null ? "" : ours.get(route.kind()), wrong);
                assertThat(reply.status()).as(route + " " + reply.text()).isEqualTo(400);
                assertThat(reply.code()).isEqualTo("validation_failed");
                assertThat(reply.message()).as(route.toString()).containsAnyOf("customerUuid", "date", "dueDate", "products",
                        "creditMemos", "invoices", "memoId", "attachments", "recipients", "recurrencePattern", "customer",
                        "addresses", "name", "unitPrice", "categoryAccountUuid");
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void idsThatAreNotUuidsAreRefusedOnEveryRoute() {
        String before = state();
        for (Route route : ROUTES) {
            if (route.kind() != null) {
                for (String id : new String[] {"INV-0001", "1-2-3-4-5", "%20", "" + UUID.randomUUID() + "0"}) {
                    assertRefused(send(route, id, route.readsJson() ? "{}" : null), route, 400, "validation_failed", "uuid");
                }
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherWorkspacesIdsAreNotFoundOnEveryRoute() {
        String before = state();
        for (Route route : ROUTES) {
            if (route.path().endsWith("/upload")) {
                assertRefused(partner.call("POST", route.path().replace("{uuid}", theirs.get("invoice")))
                        .bytes(new Multipart().document("a.pdf", 10).bytes(), Multipart.CONTENT_TYPE).send(),
                        route, 404, "not_found", theirs.get("invoice"));
            } else if (route.kind() != null) {
                // The message names the UUID it did not find, as COUNT's envelope has no field of its own for it.
                assertRefused(send(route, theirs.get(route.kind()), route.readsJson() ? validBody(route) : null),
                        route, 404, "not_found", theirs.get(route.kind()));
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    /** A body that would succeed against the right document, so that only the id can be wrong. */
    private String validBody(Route route) {
        String path = route.path();
        if (path.endsWith("apply-multiple-credit-to-invoice")) {
            return "{\"creditMemos\":[{\"id\":\"" + ours.get("memo") + "\",\"amount\":1}]}";
        }
        if (path.endsWith("apply-credit-to-multiple-invoices")) {
            return "{\"invoices\":[{\"id\":\"" + ours.get("invoice") + "\",\"amount\":1}]}";
        }
        if (path.endsWith("remove-credit")) {
            return "{\"memoId\":\"" + ours.get("memo") + "\"}";
        }
        if (path.endsWith("attachments")) {
            return "{\"attachments\":[{\"url\":\"https://a.example\"}]}";
        }
        return path.endsWith("/send") ? "{}" : "{\"notes\":\"x\",\"name\":\"x\",\"customer\":\"x\"}";
    }

    @Test
    void anOversizedBodyIsTooLarge() {
        String before = state();
        String huge = Bodies.with(Bodies.invoice(), "\"notes\":\"" + "x".repeat(1024 * 1024) + "\"");
        for (Route route : ROUTES) {
            if (route.readsJson()) {
                assertRefused(send(route, route.kind() == null ? "" : ours.get(route.kind()), huge), route, 413,
                        "payload_too_large", "body");
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAndMethodsAreNotFound() {
        String invoice = ours.get("invoice");
        for (Reply reply : new Reply[] {
                partner.get("/partners/invoices/" + invoice + "/nothing"),
                partner.put("/partners/invoices/" + invoice, "{}"),
                partner.post("/partners/recurring-invoice-templates/" + ours.get("template") + "/stop", null),
                partner.post("/partners/chart-of-accounts", "{}"),
                partner.put("/partners/products/" + Bodies.CONSULTING, "{}"),
                partner.put("/partners/tags/" + ours.get("tag"), "{}"),
                partner.get("/partners/invoices/"),
                partner.get("/partners/bills")}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("not_found");
        }
    }
}

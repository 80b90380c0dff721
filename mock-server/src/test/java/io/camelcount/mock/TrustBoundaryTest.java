package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.junit.CountMockExtension;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trust never travels in a header a client can send (issue 12, items 1 and 2). The mock once carried the
 * authenticated workspace and the mark of a fault in {@code X-Count-Mock-Workspace} and
 * {@code X-Count-Mock-Fault}, stripped by exact case only: another spelling chose another workspace or
 * a fault. Now no header of any spelling means anything, whatever its value, on signed and refused
 * requests alike, and the passes the gateway holds instead never outlive their request.
 */
class TrustBoundaryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final UUID OTHER_WORKSPACE = UUID.fromString("7e57a11a-0000-4000-8000-000000000002");
    private static final UUID OTHER_CUSTOMER = UUID.fromString("7e57a11a-0000-4000-8000-0000000000c1");
    private static final UUID OTHER_PRODUCT = UUID.fromString("7e57a11a-0000-4000-8000-0000000000b1");
    private static final List<String> WORKSPACE_HEADERS = List.of("X-Count-Mock-Workspace", "x-count-mock-workspace",
            "X-COUNT-MOCK-WORKSPACE", "x-Count-MOCK-workspace");
    private static final List<String> FAULT_HEADERS = List.of("X-Count-Mock-Fault", "x-count-mock-fault",
            "X-COUNT-MOCK-FAULT", "x-CoUnT-mOcK-fAuLt");

    @RegisterExtension
    static final CountMockExtension COUNT = CountMockExtension.builder()
            .clockFrozenAt(NOW)
            .configure(server -> server.rateLimit(0)
                    .partnerApp("other-client", "other-secret")
                    .workspace(WorkspaceSeed.builder(OTHER_WORKSPACE, "Other Ltd")
                            .customer(new Customer(OTHER_CUSTOMER, "Initech", "ap@initech.example"))
                            .product(new Product(OTHER_PRODUCT, "Audit", new BigDecimal("900"), UUID.randomUUID()))
                            .accessGrant("other-client", "other-access-token", "other-refresh-token")
                            .build()))
            .build();

    private PartnerClient demo;
    private PartnerClient other;
    private AdminClient admin;

    @BeforeEach
    void clients() {
        CountMockServer server = COUNT.server();
        demo = new PartnerClient(server);
        other = new PartnerClient(server.baseUrl(), server.clock(), "other-client", "other-secret", "other-access-token");
        admin = new AdminClient(server);
    }

    static Stream<Arguments> workspaceHeaders() {
        List<String> values = List.of(OTHER_WORKSPACE.toString(), OTHER_WORKSPACE.toString().toUpperCase(),
                DemoWorkspace.WORKSPACE_UUID.toString(), UUID.randomUUID().toString(), "garbage", "", "../" + OTHER_WORKSPACE,
                OTHER_WORKSPACE + ", " + DemoWorkspace.WORKSPACE_UUID, "x".repeat(2_000));
        return WORKSPACE_HEADERS.stream().flatMap(header -> values.stream().map(value -> Arguments.of(header, value)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workspaceHeaders")
    void theWorkspaceHeaderNeverReachesAnotherWorkspace(String header, String value) {
        String othersInvoice = other.post("/partners/invoices", Bodies.invoice(OTHER_CUSTOMER, OTHER_PRODUCT)).dataText("id");

        Reply list = demo.call("GET", "/partners/invoices").header(header, value).send();
        Reply read = demo.call("GET", "/partners/invoices/" + othersInvoice).header(header, value).send();
        Reply deleted = demo.call("DELETE", "/partners/invoices/" + othersInvoice).header(header, value).send();
        Reply created = demo.call("POST", "/partners/invoices").body(Bodies.invoice()).header(header, value).send();
        Reply withOthersCustomer = demo.call("POST", "/partners/invoices").body(Bodies.invoice(OTHER_CUSTOMER, OTHER_PRODUCT))
                .header(header, value).send();
        Reply refused = demo.call("GET", "/partners/invoices").without("x-signature").header(header, value).send();

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.recordTexts("id")).doesNotContain(othersInvoice);
        assertThat(read.status()).as(read.text()).isEqualTo(404);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(404);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(withOthersCustomer.status()).as(withOthersCustomer.text()).isBetween(400, 499);
        refused.assertErrorEnvelope(401);
        assertThat(COUNT.server().demoWorkspace().invoices()).hasSize(1);
        assertThat(COUNT.server().workspace(OTHER_WORKSPACE).invoices()).extracting(invoice -> invoice.uuid().toString())
                .containsExactly(othersInvoice);
    }

    @Test
    void everySpellingAtOnceStillReachesOnlyTheCallersWorkspace() {
        PartnerClient.Call call = other.call("GET", "/partners/invoices");
        WORKSPACE_HEADERS.forEach(header -> call.header(header, DemoWorkspace.WORKSPACE_UUID.toString()));
        demo.post("/partners/invoices", Bodies.invoice());

        Reply list = call.send();

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.records()).isEmpty();
    }

    static Stream<Arguments> faultHeaders() {
        List<String> values = List.of("drop", "dropAfterApply", "dropBeforeApply", "delay:9999999999999", "delay:abc",
                "delay:-1", "delay:", "serverError", "bogus", "");
        return FAULT_HEADERS.stream().flatMap(header -> values.stream().map(value -> Arguments.of(header, value)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faultHeaders")
    void theFaultHeaderChangesNothing(String header, String value) {
        Reply signed = demo.call("POST", "/partners/invoices").body(Bodies.invoice()).header(header, value).send();
        Reply unsigned = demo.call("POST", "/partners/invoices").body(Bodies.invoice()).without("x-signature")
                .header(header, value).send();
        Reply badSignature = demo.call("GET", "/partners/invoices").signature("0".repeat(64)).header(header, value).send();
        Reply noRoute = demo.call("GET", "/partners/no-such-route").header(header, value).send();
        Reply oauthPage = demo.call("GET", "/auth2/authorize-intiate?clientId=demo-client&redirectUri=https://crm.example/cb")
                .header(header, value).send();

        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        unsigned.assertErrorEnvelope(401);
        assertThat(unsigned.code()).isEqualTo("missing_credentials");
        badSignature.assertErrorEnvelope(401);
        assertThat(badSignature.code()).isEqualTo("invalid_signature");
        noRoute.assertErrorEnvelope(404);
        assertThat(oauthPage.status()).as(oauthPage.text()).isEqualTo(200);
        assertThat(COUNT.server().demoWorkspace().invoices()).hasSize(1);
        assertThat(admin.get("/faults").data().get("faults")).isEmpty();
    }

    @Test
    void theFaultHeaderNeitherAddsToNorTakesFromAnArmedFault() {
        admin.post("/faults", "{\"method\":\"POST\",\"path\":\"/partners/invoices\",\"kind\":\"serverError\",\"status\":503,\"times\":1}");

        Reply hit = demo.call("POST", "/partners/invoices").body(Bodies.invoice()).header("x-count-mock-fault", "drop").send();
        Reply next = demo.call("POST", "/partners/invoices").body(Bodies.invoice()).header("X-Count-Mock-Fault", "drop").send();

        hit.assertErrorEnvelope(503);
        assertThat(next.status()).as(next.text()).isEqualTo(201);
    }

    /** Refused, answered, dropped before and after processing, delayed, failed and unrouted: none leaves a pass. */
    @Test
    void noPassOutlivesItsRequest() {
        admin.post("/faults", "{\"method\":\"POST\",\"path\":\"/partners/invoices\",\"kind\":\"dropAfterApply\",\"times\":1}");
        admin.post("/faults", "{\"method\":\"POST\",\"path\":\"/partners/products\",\"kind\":\"dropBeforeApply\",\"times\":1}");
        admin.post("/faults", "{\"method\":\"GET\",\"path\":\"/partners/customers\",\"kind\":\"delay\",\"delayMillis\":20,\"times\":1}");
        admin.post("/faults", "{\"method\":\"GET\",\"path\":\"/partners/tags\",\"kind\":\"serverError\",\"times\":1}");
        admin.post("/faults", "{\"path\":\"/auth2/.*\",\"kind\":\"delay\",\"delayMillis\":20,\"times\":1}");

        assertThatThrownBy(() -> demo.post("/partners/invoices", Bodies.invoice())).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> demo.post("/partners/products", "{}")).hasCauseInstanceOf(IOException.class);
        assertThat(demo.get("/partners/customers").status()).isEqualTo(200);
        assertThat(demo.get("/partners/tags").status()).isEqualTo(500);
        assertThat(demo.call("GET", "/partners/invoices").without("Authorization").send().status()).isEqualTo(401);
        assertThat(demo.get("/partners/invoices").status()).isEqualTo(200);
        assertThat(demo.get("/partners/no-such-route").status()).isEqualTo(404);
        assertThat(demo.call("POST", "/partners/grant-access-token").body("{}").token(null).send().status()).isEqualTo(400);
        assertThat(admin.get("/auth2/authorize-intiate?clientId=demo-client&redirectUri=https://crm.example/cb").status())
                .isEqualTo(200);

        assertThat(COUNT.server().gatewayPassesHeld()).isZero();
    }

    /** Each request's pass is its own: requests of two workspaces in flight together never swap workspaces. */
    @Test
    void concurrentRequestsOfTwoWorkspacesEachReachTheirOwn() throws Exception {
        int perClient = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < perClient; i++) {
            String header = WORKSPACE_HEADERS.get(i % WORKSPACE_HEADERS.size());
            calls.add(creation(start, demo.call("POST", "/partners/invoices").body(Bodies.invoice())
                    .header(header, OTHER_WORKSPACE.toString())));
            calls.add(creation(start, other.call("POST", "/partners/invoices").body(Bodies.invoice(OTHER_CUSTOMER, OTHER_PRODUCT))
                    .header(header, DemoWorkspace.WORKSPACE_UUID.toString())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            calls.forEach(call -> results.add(pool.submit(call)));
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).hasSize(2 * perClient).containsOnly(201);
        assertThat(COUNT.server().demoWorkspace().invoices()).hasSize(perClient);
        assertThat(COUNT.server().workspace(OTHER_WORKSPACE).invoices()).hasSize(perClient);
        assertThat(COUNT.server().gatewayPassesHeld()).isZero();
    }

    private static Callable<Integer> creation(CountDownLatch start, PartnerClient.Call call) {
        return () -> {
            start.await();
            return call.send().status();
        };
    }
}

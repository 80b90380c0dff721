package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Legacy data: two invoices share one UUID, and COUNT answers 409 for that UUID (contract §2). */
class LegacyDuplicateUuidTest extends DemoWorkspaceTest {

    private static final UUID LEGACY_WORKSPACE = UUID.fromString("1e9ac700-0000-4000-8000-000000000001");
    private static final UUID LEGACY_CUSTOMER = UUID.fromString("1e9ac700-0000-4000-8000-0000000000c1");
    private static final UUID DUPLICATE = UUID.fromString("1e9ac700-0000-4000-8000-00000000d0b1");

    @Override
    CountMockServer.Builder configure(CountMockServer.Builder builder) {
        return builder.workspace(WorkspaceSeed.builder(LEGACY_WORKSPACE, "Legacy Ltd")
                .customer(new Customer(LEGACY_CUSTOMER, "Old Customer", "old@legacy.example"))
                .product(new Product(UUID.randomUUID(), "Old product", BigDecimal.ONE, UUID.randomUUID()))
                .legacyDuplicateInvoice(DUPLICATE)
                .accessGrant(DemoWorkspace.CLIENT_ID, "legacy-access-token", "legacy-refresh-token")
                .build());
    }

    @Test
    void everyInvoiceRouteAnswersConflictForTheSharedUuid() {
        PartnerClient legacy = new PartnerClient(server.baseUrl(), clock, DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET,
                "legacy-access-token");
        String path = "/partners/invoices/" + DUPLICATE;

        for (Reply reply : new Reply[] {
                legacy.get(path),
                legacy.patch(path, "{\"notes\":\"x\"}"),
                legacy.delete(path),
                legacy.patch(path + "/approve"),
                legacy.post(path + "/send", null),
                legacy.get(path + "/public-link"),
                legacy.get(path + "/audit-log"),
                legacy.post(path + "/attachments", "{\"attachments\":[{\"url\":\"https://a.example\"}]}"),
                legacy.patch(path + "/remove-credit", "{\"memoId\":\"" + UUID.randomUUID() + "\"}")}) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("duplicate_uuid");
            assertThat(reply.message()).contains("uuid");
            assertThat(reply.message()).contains(DUPLICATE.toString());
        }
        assertThat(ok(legacy.get("/partners/invoices")).records()).isEmpty();
    }

    @Test
    void theSharedUuidAsACreditLineIsAConflictToo() {
        server.demoWorkspace().addLegacyDuplicateInvoice(DUPLICATE);
        String invoice = approvedInvoice("100");

        Reply reply = partner.patch("/partners/invoices/" + invoice + "/apply-multiple-credit-to-invoice",
                "{\"creditMemos\":[{\"id\":\"" + DUPLICATE + "\",\"amount\":10}]}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("duplicate_uuid");
        assertThat(reply.message()).contains("creditMemos[0].id");
        assertThat(invoice(invoice).data().get("balanceDue").asInt()).isEqualTo(100);
        assertThat(partner.get("/partners/invoices/" + DUPLICATE).status()).isEqualTo(409);
    }
}

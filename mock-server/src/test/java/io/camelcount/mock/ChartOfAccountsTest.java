package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Account;
import io.camelcount.mock.domain.AccountType;
import io.camelcount.mock.seed.DemoWorkspace;
import io.camelcount.mock.seed.Seed;
import io.camelcount.mock.seed.SeedJson;
import io.camelcount.mock.seed.SeedRefusal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /partners/chart-of-accounts} (contract §5): read-only and seeded; filters {@code type} and {@code search}. */
class ChartOfAccountsTest extends DemoWorkspaceTest {

    private static final String CHART = "/partners/chart-of-accounts";

    @Test
    void theDemoWorkspaceHasABankAccountAndTheIncomeAccountsItsProductsBookTo() {
        Reply reply = ok(partner.get(CHART));

        assertThat(reply.recordTexts("name")).containsExactly("Business Current Account", "Sales", "Subscription Income", "Purchases");
        assertThat(reply.text()).contains("{\"id\":\"" + DemoWorkspace.BANK_ACCOUNT + "\",\"name\":\"Business Current Account\","
                + "\"accountNumber\":\"1200\",\"type\":\"Assets\",\"subType\":{\"name\":\"Bank\"}}");
        for (String product : new String[] {Bodies.CONSULTING, DemoWorkspace.SUPPORT_PLAN.toString()}) {
            String account = ok(partner.get("/partners/products/" + product)).dataText("categoryAccountUuid");
            assertThat(ok(partner.get(CHART + "?type=Income")).recordTexts("id")).contains(account);
        }
    }

    @Test
    void theListIsFilteredByTypeAndSearchedByNameOrNumber() {
        assertThat(ok(partner.get(CHART + "?type=Income")).recordTexts("name")).containsExactly("Sales", "Subscription Income");
        assertThat(ok(partner.get(CHART + "?type=Assets")).recordTexts("name")).containsExactly("Business Current Account");
        assertThat(ok(partner.get(CHART + "?type=Liabilities")).records()).isEmpty();
        assertThat(ok(partner.get(CHART + "?search=income")).recordTexts("name")).containsExactly("Subscription Income");
        assertThat(ok(partner.get(CHART + "?search=50")).recordTexts("name")).containsExactly("Purchases");
        assertThat(ok(partner.get(CHART + "?type=Income&search=sal")).recordTexts("name")).containsExactly("Sales");
        Reply page = ok(partner.get(CHART + "?limit=3&page=2"));
        assertThat(page.recordTexts("name")).containsExactly("Purchases");
        assertThat(page.text()).contains("\"page\":2,\"limit\":3,\"totalRecords\":4,\"totalPages\":2");
    }

    /** count-cli: the type is case-sensitive and plural; singular forms such as "Asset" are rejected. */
    @Test
    void aTypeIsSpelledAsCountSpellsIt() {
        for (String type : new String[] {"Asset", "income", "INCOME", "Revenue"}) {
            Reply refused = partner.get(CHART + "?type=" + type);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.message()).isEqualTo("type must be Assets, Liabilities, Equity, Income or Expenses, got \"" + type + "\"");
        }
    }

    @Test
    void theChartIsReadOnly() {
        assertThat(partner.post(CHART, "{\"name\":\"Petty cash\",\"subTypeId\":1}").status()).isEqualTo(404);
        assertThat(ok(partner.get(CHART)).records()).hasSize(4);
    }

    @Test
    void aSeedFileListsAWorkspacesAccounts() {
        String uuid = "c4a1e2d3-0000-4000-8000-00000000c001";
        Seed seed = SeedJson.parse(("{\"workspaces\":[{\"uuid\":\"" + UUID.randomUUID() + "\",\"name\":\"Initech\","
                + "\"accounts\":[{\"uuid\":\"" + uuid + "\",\"name\":\"Cash\",\"type\":\"Assets\"}]}]}").getBytes(StandardCharsets.UTF_8));

        assertThat(seed.workspaces().get(0).accounts())
                .containsExactly(new Account(UUID.fromString(uuid), "Cash", AccountType.ASSETS, null));
        assertThatThrownBy(() -> SeedJson.parse(("{\"workspaces\":[{\"uuid\":\"" + UUID.randomUUID() + "\",\"name\":\"I\","
                + "\"accounts\":[{\"uuid\":\"" + uuid + "\",\"name\":\"Cash\",\"type\":\"Asset\"}]}]}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SeedRefusal.class)
                .hasMessageContaining("must be one of Assets, Liabilities, Equity, Income, Expenses; got Asset");
    }
}

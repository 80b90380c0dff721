package io.camelcount.component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.model.Account;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Tag;
import io.camelcount.component.model.TagGroup;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tag-groups} and {@code accounts} (the chart of accounts), contract §5. */
class TagGroupAndAccountOperationsTest extends MockCountTestSupport {

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    private String tag(String name) {
        return result("count:tags?operation=create", Map.of("name", name), null, Tag.class).getUuid();
    }

    @Test
    void aTagGroupIsCreatedReadListedUpdatedAndDeleted() {
        String north = tag("North");
        String south = tag("South");
        String name = "Regions " + UUID.randomUUID();
        TagGroup request = new TagGroup();
        request.setName(name);
        request.setColor("#123456");
        request.setTagUuids(List.of(north));

        TagGroup created = result("count:tag-groups?operation=create", request, null, TagGroup.class);

        assertThat(created.getUuid()).isNotBlank();
        assertThat(created.getTagUuids()).containsExactly(north);
        assertThat(result("count:tag-groups?operation=get", null, created.getUuid(), TagGroup.class).getName()).isEqualTo(name);
        Page<?> listed = result("count:tag-groups?operation=list&search=" + name.substring(8), null, null, Page.class);
        assertThat(listed.records()).extracting(group -> ((TagGroup) group).getUuid()).containsExactly(created.getUuid());

        // Plain URI options, as a YAML route would write them; the sent tagUuids replace the group's tags.
        TagGroup moved = result("count:tag-groups?operation=update&uuid=" + created.getUuid(),
                "{\"tagUuids\":[\"" + south + "\"]}", null, TagGroup.class);
        assertThat(moved.getTagUuids()).containsExactly(south);
        assertThat(result("count:tag-groups?operation=update", Map.of("tagUuids", List.of()), created.getUuid(), TagGroup.class)
                .getTagUuids()).isEmpty();

        Exchange deleted = call("count:tag-groups?operation=delete", null, created.getUuid());
        assertThat(deleted.getException()).isNull();
        assertThat(call("count:tag-groups?operation=get", null, created.getUuid()).getException())
                .isInstanceOf(CountNotFoundException.class);
        assertThat(result("count:tags?operation=get", null, south, Tag.class).getName()).as("its tags stay").isEqualTo("South");
    }

    @Test
    void groupNamesAreUniqueAndATagBelongsToOneGroup() {
        String east = tag("East");
        String name = "Compass " + UUID.randomUUID();
        result("count:tag-groups?operation=create", Map.of("name", name, "tagUuids", List.of(east)), null, TagGroup.class);

        Exchange sameName = call("count:tag-groups?operation=create", Map.of("name", name), null);
        assertThat(sameName.getException()).isInstanceOfSatisfying(CountConflictException.class,
                e -> assertThat(e.getCode()).isEqualTo("duplicate_tag_group_name"));

        Exchange taken = call("count:tag-groups?operation=create", Map.of("name", "Other " + name, "tagUuids", List.of(east)), null);
        assertThat(taken.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.getCode()).isEqualTo("tag_in_another_group");
            assertThat(e.getCountMessage()).contains("already belongs to the tag group \"" + name + "\"");
        });
    }

    @Test
    void aTagGroupNeedsANameBeforeAnythingIsSent() {
        Exchange attempt = call("count:tag-groups?operation=create", Map.of("color", "#000000"), null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo("name");
        });
    }

    @Test
    void theChartOfAccountsIsListedByTypeAndSearchFromPlainUriOptions() {
        Page<?> income = result("count:accounts?operation=list&type=Income", null, null, Page.class);
        assertThat(income.records()).extracting(account -> ((Account) account).getName())
                .containsExactly("Sales", "Subscription Income");
        assertThat(income.records()).extracting(account -> ((Account) account).getType()).containsOnly("Income");
        assertThat(((Account) income.records().get(0)).getUuid()).isEqualTo(CatalogueOperationsTest.SALES_ACCOUNT);

        Page<?> bank = callWith("count:accounts?operation=list", null, Map.of(CountConstants.QUERY, Map.of("type", "Assets")))
                .getMessage().getBody(Page.class);
        assertThat(bank.records()).extracting(account -> ((Account) account).getAccountNumber()).containsExactly("1200");
        assertThat(result("count:accounts?operation=list&search=purch", null, null, Page.class).records())
                .extracting(account -> ((Account) account).getType()).containsExactly("Expenses");
    }

    @Test
    void anAccountTypeCountDoesNotKnowIsRefusedByCount() {
        Exchange attempt = call("count:accounts?operation=list&type=Asset", null, null);

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isTrue();
            assertThat(e.getCountMessage()).startsWith("type must be Assets, Liabilities, Equity, Income or Expenses");
        });
    }
}

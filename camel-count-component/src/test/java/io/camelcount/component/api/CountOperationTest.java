package io.camelcount.component.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountOperationTest {

    @Test
    void findsARowByApiAndOperation() {
        CountOperation send = CountOperations.of("invoices", "send");
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.path("3f1c2b9e-1111-4222-8333-444455556666"))
                .isEqualTo("/invoices/3f1c2b9e-1111-4222-8333-444455556666/send");
        assertThat(send.retry()).isEqualTo(CountOperation.RetryPolicy.NEVER);
        assertThat(CountOperations.of("invoices", "create").needsUuid()).isFalse();
        assertThat(CountOperations.of("invoices", "create").retry())
                .isEqualTo(CountOperation.RetryPolicy.LOOKUP_BY_NATURAL_KEY);
        assertThat(CountOperations.of("invoices", "create").naturalKey())
                .isEqualTo(new CountOperation.NaturalKey("invoiceNumber", "invoiceType", "list"));
    }

    @Test
    void everyNaturalKeyIsFoundByAListOfItsApiThatSearchesAndFiltersByTheScope() {
        assertThat(CountOperations.all()).filteredOn(row -> row.naturalKey() != null).isNotEmpty().allSatisfy(row -> {
            CountOperation.NaturalKey key = row.naturalKey();
            CountOperation lookup = CountOperations.of(row.api(), key.lookup());
            assertThat(lookup.resultShape()).as(row + "'s lookup").isEqualTo(CountOperation.ResultShape.PAGE);
            assertThat(lookup.resultType()).as(row + "'s lookup").isEqualTo(row.resultType());
            assertThat(lookup.queryParameters()).as(row + "'s lookup").contains("search", "limit");
            if (key.scope() != null) {
                assertThat(lookup.queryParameters()).as(row + "'s lookup").contains(key.scope());
            }
        });
    }

    @Test
    void aRowLooksUpByItsNaturalKeyExactlyWhenItHasOne() {
        CountOperation create = CountOperations.of("invoices", "create");
        assertThatThrownBy(() -> new CountOperation(create.api(), create.name(), create.method(), create.pathTemplate(),
                create.requestBody(), create.resultType(), create.resultShape(), CountOperation.RetryPolicy.NEVER,
                create.naturalKey(), create.queryParameters(), create.requiredFields(), create.requiredQuery(),
                create.impliedFields()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invoices/create");
    }

    @Test
    void everyRouteOfTheContractHasARow() {
        assertThat(CountOperations.all()).extracting(CountOperation::toString).containsExactlyInAnyOrder(
                "invoices/list", "invoices/create", "invoices/get", "invoices/update", "invoices/delete",
                "invoices/approve", "invoices/send", "invoices/addAttachments", "invoices/uploadAttachments",
                "invoices/publicLink", "invoices/applyCredits", "invoices/applyCreditToInvoices", "invoices/removeCredit",
                "invoices/auditLog", "invoices/removeTransaction",
                "recurring-invoice-templates/list", "recurring-invoice-templates/create", "recurring-invoice-templates/get",
                "recurring-invoice-templates/update", "recurring-invoice-templates/delete",
                "recurring-invoice-templates/pause", "recurring-invoice-templates/resume",
                "customers/list", "customers/create", "customers/get", "customers/update", "customers/delete",
                "customers/findByEmail", "customers/bulkCreate", "customers/bulkUpdate",
                "products/list", "products/create", "products/get", "products/update", "products/delete",
                "tags/list", "tags/get", "tags/create", "tags/update", "tags/delete",
                "tag-groups/list", "tag-groups/get", "tag-groups/create", "tag-groups/update", "tag-groups/delete",
                "accounts/list",
                "transactions/list", "transactions/create", "transactions/get", "transactions/update",
                "transactions/delete", "transactions/assignToInvoices",
                "webhooks/list", "webhooks/create", "webhooks/update", "webhooks/delete");
    }

    @Test
    void changesThatWouldHappenTwiceAreNeverRetriedBlindly() {
        List<String> neverRepeated = CountOperations.all().stream()
                .filter(row -> row.retry() == CountOperation.RetryPolicy.NEVER)
                .map(CountOperation::toString)
                .toList();
        assertThat(neverRepeated).contains("invoices/send", "invoices/applyCredits", "invoices/applyCreditToInvoices",
                "invoices/removeCredit", "invoices/addAttachments", "invoices/uploadAttachments", "customers/create",
                "customers/bulkCreate", "customers/bulkUpdate", "products/create", "tags/create", "tag-groups/create",
                "transactions/create", "transactions/assignToInvoices", "invoices/removeTransaction",
                "webhooks/create");
        assertThat(CountOperations.all()).filteredOn(row -> row.method().equals("GET"))
                .allSatisfy(read -> assertThat(read.retry()).isEqualTo(CountOperation.RetryPolicy.SAFE));
    }

    @Test
    void anUnknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> CountOperations.of("tags", "bill"))
                .hasMessage("Unknown operation 'bill' for count:tags. Valid operations: list, create, get, update, delete");
    }

    @Test
    void anUnknownApiListsTheValidOnes() {
        assertThatThrownBy(() -> CountOperations.of("bills", "create"))
                .hasMessage("Unknown COUNT API 'bills' in count:bills. Valid APIs: invoices, recurring-invoice-templates,"
                            + " customers, products, tags, tag-groups, accounts, transactions, webhooks");
    }
}

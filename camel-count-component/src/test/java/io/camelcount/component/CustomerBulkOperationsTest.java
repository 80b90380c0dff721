package io.camelcount.component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.camelcount.component.api.CountOperation.RetryPolicy;
import io.camelcount.component.api.CountOperations;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.Customer;
import io.camelcount.component.model.CustomerBulkResult;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code customers} {@code bulkCreate} and {@code bulkUpdate}: COUNT's 201 partial-success answer, typed. */
class CustomerBulkOperationsTest extends MockCountTestSupport {

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    @Test
    void eachRowSucceedsOrFailsOnItsOwn() {
        String email = "bulk-" + UUID.randomUUID() + "@example.com";
        Customer typed = new Customer();
        typed.setCustomer("Typed row");
        typed.setEmail(email);

        CustomerBulkResult result = result("count:customers?operation=bulkCreate",
                Map.of("customers", List.of(typed, Map.of("email", "nameless@example.com"),
                        Map.of("customer", "Same email", "email", email))), null, CustomerBulkResult.class);

        assertThat(result.getSuccessCount()).isEqualTo(1);
        assertThat(result.getErrorCount()).isEqualTo(2);
        assertThat(result.getResults()).extracting(CustomerBulkResult.Row::getIndex).containsExactly(0, 1, 2);
        assertThat(result.getResults()).extracting(CustomerBulkResult.Row::isSuccess).containsExactly(true, false, false);
        assertThat(result.getResults().get(0).getCustomer().getEmail()).isEqualTo(email);
        assertThat(result.getResults().get(0).getCustomer().getUuid()).isNotBlank();
        assertThat(result.getResults().get(1).getError()).isEqualTo("customer (the customer's name) is required");
        assertThat(result.getResults().get(2).getError()).contains("already belongs to another customer");
        assertThat(result.getResults().get(2).getCustomer()).isNull();
    }

    @Test
    void rowsNameTheCustomersTheyUpdateByUuid() {
        Customer customer = result("count:customers?operation=create", Map.of("customer", "To update"), null, Customer.class);

        CustomerBulkResult result = result("count:customers?operation=bulkUpdate",
                "{\"customers\":[{\"uuid\":\"" + customer.getUuid() + "\",\"notes\":\"VIP\"},{\"uuid\":\"" + UNKNOWN_UUID
                        + "\",\"notes\":\"x\"}]}", null, CustomerBulkResult.class);

        assertThat(result.getSuccessCount()).isEqualTo(1);
        assertThat(result.getResults().get(0).getCustomer().getNotes()).isEqualTo("VIP");
        assertThat(result.getResults().get(1).getError()).contains(UNKNOWN_UUID + " not found");
        assertThat(result("count:customers?operation=get", null, customer.getUuid(), Customer.class).getNotes()).isEqualTo("VIP");
    }

    @Test
    void aBatchNeedsItsRowsAndAtMost100OfThem() {
        Exchange noRows = call("count:customers?operation=bulkCreate", Map.of("rows", List.of()), null);
        assertThat(noRows.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo("customers");
        });

        List<Map<String, String>> many = IntStream.range(0, 101).mapToObj(i -> Map.of("customer", "C" + i)).toList();
        Exchange tooMany = call("count:customers?operation=bulkCreate", Map.of("customers", many), null);
        assertThat(tooMany.getException()).isInstanceOfSatisfying(CountValidationException.class,
                e -> assertThat(e.getCountMessage()).contains("at most 100 per request"));
    }

    @Test
    void bulkCallsAndCreatesAreNeverRepeatedBlindly() {
        for (String operation : List.of("bulkCreate", "bulkUpdate", "create")) {
            assertThat(CountOperations.of("customers", operation).retry()).as(operation).isEqualTo(RetryPolicy.NEVER);
        }
        assertThat(CountOperations.of("tag-groups", "create").retry()).isEqualTo(RetryPolicy.NEVER);
        assertThat(CountOperations.of("customers", "delete").retry()).isEqualTo(RetryPolicy.SAFE);
    }

    /** count-cli documents a failed row's error as a message; an error object is read too. */
    @Test
    void aRowErrorIsReadAsAMessageOrAsAnErrorObject() throws Exception {
        CustomerBulkResult result = CountJson.convert(CountJson.parse(("{\"successCount\":0,\"errorCount\":2,\"results\":["
                + "{\"index\":0,\"success\":false,\"error\":\"Customer not found.\"},"
                + "{\"index\":1,\"success\":false,\"error\":{\"statusCode\":409,\"errorCode\":\"duplicate_email\","
                + "\"message\":\"email taken\"}}]}").getBytes()), CustomerBulkResult.class);

        assertThat(result.getResults()).extracting(CustomerBulkResult.Row::getError)
                .containsExactly("Customer not found.", "email taken");
        assertThat(result.getResults()).extracting(CustomerBulkResult.Row::getErrorCode).containsExactly(null, "duplicate_email");
    }
}

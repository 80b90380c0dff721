package io.camelcount.component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.camelcount.component.model.Customer;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * customerCacheTtl: customers found by email are answered from memory for that long, and forgotten as soon as COUNT
 * says one is gone, so the route that looks them up asks COUNT again and can create the customer anew.
 */
class CustomerCacheTest extends MockCountTestSupport {

    private static final String FIND = "count:customers?operation=findByEmail";
    private static final String FIND_CACHED = FIND + "&customerCacheTtl=600000";
    private static final String FIND_BY_EMAIL = "/partners/customers/find-by-email";

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    private Customer newCustomer(String email) {
        Customer customer = new Customer();
        customer.setCustomer("Cached " + email);
        customer.setEmail(email);
        return result("count:customers?operation=create", customer, null, Customer.class);
    }

    private Exchange find(String uri, String email) {
        return callWith(uri, null, Map.of(CountConstants.EMAIL, email));
    }

    private static JsonNode customer(String uuid) {
        return JsonNodeFactory.instance.objectNode().put("id", uuid);
    }

    private static String uniqueEmail() {
        return "cache-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aCustomerIsAnsweredFromMemoryUntilItsTtlHasPassed() {
        String email = uniqueEmail();
        Customer created = newCustomer(email);
        long before = requestsTo("GET", FIND_BY_EMAIL);

        Customer first = find(FIND_CACHED, email).getMessage().getBody(Customer.class);
        Customer second = find(FIND_CACHED, email).getMessage().getBody(Customer.class);
        // Another endpoint of the same workspace reads the same memory.
        Customer third = find(FIND_CACHED + "&email=" + email, email).getMessage().getBody(Customer.class);

        assertThat(first.getUuid()).isEqualTo(created.getUuid());
        assertThat(second.getUuid()).isEqualTo(created.getUuid());
        assertThat(third.getEmail()).isEqualTo(email);
        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).as("remembered from its create").isZero();

        mock.clock().advance(Duration.ofMinutes(10));
        assertThat(find(FIND_CACHED, email).getMessage().getBody(Customer.class).getUuid()).isEqualTo(created.getUuid());
        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).as("asked again once the answer is 10 minutes old")
                .isEqualTo(1);
        find(FIND_CACHED, email);
        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).as("and remembered again").isEqualTo(1);
    }

    @Test
    void withoutATtlEveryLookupAsksCount() {
        String email = uniqueEmail();
        newCustomer(email);
        long before = requestsTo("GET", FIND_BY_EMAIL);

        find(FIND, email);
        find(FIND, email);

        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).isEqualTo(2);
    }

    @Test
    void aCustomerDeletedInCountIsForgottenWhenAnInvoiceForItIsRefused() {
        String email = uniqueEmail();
        Customer created = newCustomer(email);
        find(FIND_CACHED, email);
        // Deleted in COUNT's own app: the component does not see it happen.
        mock.demoWorkspace().deleteCustomer(UUID.fromString(created.getUuid()));

        Exchange invoice = call("count:invoices?operation=create",
                invoiceRequest(created.getUuid(), CONSULTING_HOUR, "1", "10"), null);
        assertThat(invoice.getException()).isInstanceOf(CountNotFoundException.class);
        long before = requestsTo("GET", FIND_BY_EMAIL);

        Exchange lookup = find(FIND_CACHED, email);

        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).isEqualTo(1);
        assertThat(lookup.getException()).as("COUNT's answer now, not the remembered customer")
                .isInstanceOf(CountNotFoundException.class);
    }

    @Test
    void aCustomerChangedThroughTheComponentIsAskedForAgain() {
        String email = uniqueEmail();
        Customer created = newCustomer(email);
        find(FIND_CACHED, email);

        result("count:customers?operation=update", Map.of("customer", "Renamed"), created.getUuid(), Customer.class);
        long before = requestsTo("GET", FIND_BY_EMAIL);
        Customer found = find(FIND_CACHED, email).getMessage().getBody(Customer.class);

        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).isEqualTo(1);
        assertThat(found.getCustomer()).isEqualTo("Renamed");
    }

    @Test
    void anUnknownEmailIsNotRememberedAndTheCustomerCreatedForItIs() {
        String email = uniqueEmail();
        assertThat(find(FIND_CACHED, email).getException()).isInstanceOf(CountNotFoundException.class);

        Customer created = newCustomer(email);
        long before = requestsTo("GET", FIND_BY_EMAIL);

        assertThat(find(FIND_CACHED, email).getMessage().getBody(Customer.class).getUuid()).isEqualTo(created.getUuid());
        assertThat(requestsTo("GET", FIND_BY_EMAIL) - before).as("found where the create left it").isZero();
    }

    @Test
    void theMemoryKeepsTheMostRecentlyUsedCustomersUpToItsBound() {
        MockClock clock = MockClock.fixed(testDay().instant());
        CustomerCache cache = new CustomerCache(clock);
        String firstUuid = UUID.randomUUID().toString();
        cache.remember("first@example.com", customer(firstUuid));
        for (int i = 1; i <= CustomerCache.MAX_CUSTOMERS; i++) {
            if (i == CustomerCache.MAX_CUSTOMERS / 2) {
                // Used again: now the most recent, it outlives the ones remembered before this.
                assertThat(cache.find("first@example.com", Duration.ofMinutes(1))).isNotNull();
            }
            cache.remember(i + "@example.com", customer(UUID.randomUUID().toString()));
        }

        assertThat(cache.size()).isEqualTo(CustomerCache.MAX_CUSTOMERS);
        assertThat(cache.find("first@example.com", Duration.ofMinutes(1))).isNotNull();
        assertThat(cache.find("1@example.com", Duration.ofMinutes(1))).as("the least recently used went first").isNull();

        cache.forget(firstUuid);
        assertThat(cache.find("first@example.com", Duration.ofMinutes(1))).isNull();
    }
}

package io.camelcount.component;

import java.util.Map;
import java.util.UUID;

import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Page;
import io.camelcount.component.model.Product;
import io.camelcount.component.model.Tag;
import io.camelcount.mock.CountMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers, products and tags: what a route needs to build an invoice for a customer it only knows by
 * email.
 */
class CatalogueOperationsTest extends MockCountTestSupport {

    static final String SALES_ACCOUNT = "c4a1e2d3-0000-4000-8000-0000000000a1";

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().clock(testDay()).rateLimit(0));
    }

    private Customer newCustomer(String name, String email) {
        Customer customer = new Customer();
        customer.setCustomer(name);
        customer.setEmail(email);
        return result("count:customers?operation=create", customer, null, Customer.class);
    }

    @Test
    void aCustomerIsCreatedFoundByEmailUpdatedAndListed() {
        String email = "ap-" + UUID.randomUUID() + "@initech.example";
        Customer created = newCustomer("Initech", email);
        assertThat(created.getUuid()).isNotBlank();

        Customer found = callWith("count:customers?operation=findByEmail", null, Map.of(CountConstants.QUERY, Map.of("email", email))).getMessage().getBody(Customer.class);
        assertThat(found.getUuid()).isEqualTo(created.getUuid());
        Customer foundByHeader = callWith("count:customers?operation=findByEmail&email=someone-else@example.com", null,
                Map.of(CountConstants.EMAIL, email)).getMessage().getBody(Customer.class);
        assertThat(foundByHeader.getUuid()).isEqualTo(created.getUuid());

        Customer renamed = result("count:customers?operation=update", Map.of("customer", "Initech Ltd"), created.getUuid(),
                Customer.class);
        assertThat(renamed.getCustomer()).isEqualTo("Initech Ltd");
        assertThat(renamed.getEmail()).isEqualTo(email);

        Page<?> listed = callWith("count:customers?operation=list&search=Initech", null, Map.of()).getMessage()
                .getBody(Page.class);
        assertThat(listed.records()).extracting(c -> ((Customer) c).getUuid()).contains(created.getUuid());
    }

    @Test
    void aSecondCustomerWithTheSameEmailIsAConflict() {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        newCustomer("First", email);

        Customer second = new Customer();
        second.setCustomer("Second");
        second.setEmail(email);
        Exchange attempt = call("count:customers?operation=create", second, null);

        assertThat(attempt.getException()).isInstanceOf(CountConflictException.class);
    }

    @Test
    void anUnknownEmailIsNotFound() {
        Exchange attempt = callWith("count:customers?operation=findByEmail&email=nobody@nowhere.example", null, Map.of());

        assertThat(attempt.getException()).isInstanceOf(CountNotFoundException.class);
    }

    @Test
    void findByEmailNeedsTheEmail() {
        Exchange attempt = callWith("count:customers?operation=findByEmail", null, Map.of());

        assertThat(attempt.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.wasSent()).isFalse();
            assertThat(e.getField()).isEqualTo("email");
            assertThat(e).hasMessageContaining("set the option email, the header CamelCountEmail, or put it in the header"
                                               + " CamelCountQuery");
        });
    }

    @Test
    void productsAndTags() {
        Product product = new Product();
        product.setName("Training day");
        product.setCategoryAccountUuid(SALES_ACCOUNT);
        Product created = result("count:products?operation=create", product, null, Product.class);
        Product repriced = result("count:products?operation=update", Map.of("name", "Training day (on site)"),
                created.getUuid(), Product.class);
        assertThat(repriced.getName()).isEqualTo("Training day (on site)");
        assertThat(result("count:products?operation=get", null, created.getUuid(), Product.class).getName())
                .isEqualTo("Training day (on site)");

        Tag tag = result("count:tags?operation=create", Map.of("name", "priority"), null, Tag.class);
        assertThat(result("count:tags?operation=get", null, tag.getUuid(), Tag.class).getName()).isEqualTo("priority");
        Page<?> tags = callWith("count:tags?operation=list", null, Map.of()).getMessage().getBody(Page.class);
        assertThat(tags.records()).extracting(t -> ((Tag) t).getUuid()).contains(tag.getUuid());
    }
}

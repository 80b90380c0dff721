package io.camelcount.component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelcount.component.model.Address;
import io.camelcount.component.model.Contact;
import io.camelcount.component.model.Customer;
import io.camelcount.component.model.Invoice;
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
 * email, and the rest of what COUNT's partner client documents for them (contract §5).
 */
class CatalogueOperationsTest extends MockCountTestSupport {

    static final String SALES_ACCOUNT = "c4a1e2d3-0000-4000-8000-0000000000a1";
    static final String PURCHASES_ACCOUNT = "c4a1e2d3-0000-4000-8000-0000000000e1";

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

    @Test
    void aCustomerCarriesEveryFieldCountDocuments() {
        Customer request = new Customer();
        request.setCustomer("Hooli");
        request.setEmail("ap-" + UUID.randomUUID() + "@hooli.example");
        request.setMainPhone("+1 650 555 0100");
        request.setWebsite("https://hooli.example");
        request.setStatus("active");
        request.setPaymentTerm("net30");
        request.setTaxNumber("US-12-3456789");
        request.setTaxAutoCalculate(true);
        request.setTaxExcluded(false);
        request.setTaxes(List.of(3, 7));
        Address billing = new Address();
        billing.setAddressLine1("1 Hooli Way");
        billing.setCity("Palo Alto");
        request.setBillingAddress(billing);
        Contact gavin = new Contact();
        gavin.setFirstName("Gavin");
        gavin.setLastName("Belson");
        gavin.setIsPrimary(true);
        request.setContacts(List.of(gavin));

        Customer created = result("count:customers?operation=create", request, null, Customer.class);

        assertThat(created.getUuid()).isNotBlank();
        assertThat(created.getMainPhone()).isEqualTo("+1 650 555 0100");
        assertThat(created.getTaxes()).containsExactly(3, 7);
        assertThat(created.getTaxAutoCalculate()).isTrue();
        assertThat(created.getBillingAddress().getCity()).isEqualTo("Palo Alto");
        assertThat(created.getShippingAddress()).isNull();
        assertThat(created.getContacts()).singleElement().satisfies(contact -> {
            assertThat(contact.getFirstName()).isEqualTo("Gavin");
            assertThat(contact.getIsPrimary()).isTrue();
        });
        assertThat(created.getCreatedAt()).isNotNull();
        assertThat(created.getAdditionalProperties()).isEmpty();

        Customer inactive = result("count:customers?operation=update", Map.of("status", "inactive"), created.getUuid(),
                Customer.class);
        assertThat(inactive.getStatus()).isEqualTo("inactive");
        assertThat(inactive.getContacts()).extracting(Contact::getLastName).containsExactly("Belson");
    }

    /** The URI alone says it all, as a YAML route writes it. */
    @Test
    void customersAreListedByLastChangeFromPlainUriOptions() {
        Customer changed = newCustomer("Pied Piper", "rh-" + UUID.randomUUID() + "@piedpiper.example");

        Page<?> page = result("count:customers?operation=list&orderBy=updatedAt&orderDirection=desc&limit=100", null, null,
                Page.class);

        assertThat(page.records()).extracting(customer -> ((Customer) customer).getUuid()).contains(changed.getUuid());
        assertThat(page.records()).extracting(customer -> ((Customer) customer).getUpdatedAt())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void anUnusedCustomerIsDeletedOneWithInvoicesIsNot() {
        Customer unused = newCustomer("Temp", "temp-" + UUID.randomUUID() + "@example.com");
        deleteAndCheckGone("customers", unused.getUuid());

        Customer invoiced = newCustomer("Invoiced", "inv-" + UUID.randomUUID() + "@example.com");
        invoice("count:invoices?operation=create", invoiceRequest(invoiced.getUuid(), CONSULTING_HOUR, "1", "10"), null);
        Exchange refused = call("count:customers?operation=delete", null, invoiced.getUuid());
        assertThat(refused.getException()).isInstanceOfSatisfying(CountValidationException.class, e -> {
            assertThat(e.getCode()).isEqualTo("customer_has_invoices");
            assertThat(e.getCountMessage()).contains("set its status to inactive");
        });
    }

    @Test
    void aProductKeepsItsAccountsAndTaxesAndNeedsNoCategoryToBeCreated() {
        String tax = UUID.randomUUID().toString();
        Product request = new Product();
        request.setName("Licence");
        request.setCategoryAccountUuid(SALES_ACCOUNT);
        request.setPurchaseCategoryAccountUuid(PURCHASES_ACCOUNT);
        request.setTaxUuids(List.of(tax));

        Product created = result("count:products?operation=create", request, null, Product.class);

        assertThat(created.getPurchaseCategoryAccountUuid()).isEqualTo(PURCHASES_ACCOUNT);
        assertThat(created.getTaxUuids()).containsExactly(tax);
        Product nameOnly = result("count:products?operation=create", Map.of("name", "Sample"), null, Product.class);
        assertThat(nameOnly.getCategoryAccountUuid()).isNull();
        Exchange notInTheChart = call("count:products?operation=update", Map.of("categoryAccountUuid", UNKNOWN_UUID),
                nameOnly.getUuid());
        assertThat(notInTheChart.getException()).isInstanceOf(CountNotFoundException.class);
    }

    @Test
    void anUnusedProductIsDeletedOneOnAnInvoiceLineIsNot() {
        Product unused = result("count:products?operation=create", Map.of("name", "Old service"), null, Product.class);
        assertThat(call("count:products?operation=delete", null, unused.getUuid()).getException()).isNull();
        assertThat(call("count:products?operation=get", null, unused.getUuid()).getException())
                .isInstanceOf(CountNotFoundException.class);

        Product used = result("count:products?operation=create", Map.of("name", "Used service",
                "categoryAccountUuid", SALES_ACCOUNT), null, Product.class);
        invoice("count:invoices?operation=create", invoiceRequest(ACME, used.getUuid(), "1", "10"), null);
        assertThat(call("count:products?operation=delete", null, used.getUuid()).getException())
                .isInstanceOfSatisfying(CountValidationException.class, e -> assertThat(e.getCode()).isEqualTo("product_in_use"));
    }

    @Test
    void aTagIsRecolouredAndDeletedUnlessAnInvoiceCarriesIt() {
        Tag tag = result("count:tags?operation=create", Map.of("name", "urgent", "color", "#ff0000"), null, Tag.class);
        assertThat(tag.getColor()).isEqualTo("#ff0000");

        Tag recoloured = result("count:tags?operation=update&uuid=" + tag.getUuid(), Map.of("color", "#00ff00"), null, Tag.class);
        assertThat(recoloured.getColor()).isEqualTo("#00ff00");
        assertThat(recoloured.getName()).isEqualTo("urgent");
        assertThat(call("count:tags?operation=delete", null, tag.getUuid()).getException()).isNull();
        assertThat(call("count:tags?operation=get", null, tag.getUuid()).getException()).isInstanceOf(CountNotFoundException.class);

        Tag carried = result("count:tags?operation=create", Map.of("name", "carried"), null, Tag.class);
        Invoice request = invoiceRequest(ACME, CONSULTING_HOUR, "1", "10");
        request.setTagUuids(List.of(carried.getUuid()));
        invoice("count:invoices?operation=create", request, null);
        assertThat(call("count:tags?operation=delete", null, carried.getUuid()).getException())
                .isInstanceOfSatisfying(CountValidationException.class, e -> assertThat(e.getCode()).isEqualTo("tag_in_use"));
    }
}

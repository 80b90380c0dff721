package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Address;
import io.camelcount.mock.domain.Contact;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.CustomerQuery;
import io.camelcount.mock.domain.CustomerUpdate;
import io.camelcount.mock.domain.NewCustomer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code /partners/customers} (contract §5). COUNT calls a customer's name {@code customer}. */
public final class CustomersHandler {

    private static final Set<String> WRITABLE = Set.of("customer", "email", "phone", "addresses", "contacts");
    private static final Set<String> READ_ONLY = Set.of("uuid");

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        CustomerQuery customerQuery = new CustomerQuery(query.text("search"),
                query.choice("orderBy", CustomerQuery.Order::fromWireName, "customer, email or createdAt"),
                Boolean.TRUE.equals(query.choice("orderDirection", CustomersHandler::descending, "asc or desc")));
        return ApiResponse.success(200, "Customers retrieved",
                paging.render(request.workspace().customers(customerQuery), CustomersHandler::toJson));
    }

    private static Optional<Boolean> descending(String direction) {
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> Optional.of(false);
            case "desc" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    ApiResponse create(ApiRequest request) {
        Customer customer = request.workspace().createCustomer(newCustomer(request.json(true)));
        return ApiResponse.success(201, "Customer created", toJson(customer));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.success(200, "Customer retrieved", toJson(request.workspace().customer(request.uuidParameter("uuid"))));
    }

    /** {@code GET /partners/customers/find-by-email?email=}: 404 when no customer has it. */
    ApiResponse findByEmail(ApiRequest request) {
        Customer customer = request.workspace().customerByEmail(request.query().text("email"));
        return ApiResponse.success(200, "Customer retrieved", toJson(customer));
    }

    /** A PUT that changes only the fields sent, as COUNT's does. */
    ApiResponse update(ApiRequest request) {
        var uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        var warnings = PartnerWarning.check(body, WRITABLE, READ_ONLY, "a customer");
        Customer customer = request.workspace().updateCustomer(uuid,
                new CustomerUpdate(newCustomer(body), InvoicesHandler.sentFields(body, WRITABLE)));
        return ApiResponse.success(200, "Customer updated", toJson(customer)).withWarnings(warnings);
    }

    private static NewCustomer newCustomer(JsonBody body) {
        List<JsonBody> addresses = body.objects("addresses");
        List<JsonBody> contacts = body.objects("contacts");
        return new NewCustomer(body.text("customer"), body.text("email"), body.text("phone"),
                addresses == null ? null : addresses.stream().map(CustomersHandler::address).toList(),
                contacts == null ? null : contacts.stream()
                        .map(contact -> new Contact(contact.text("name"), contact.text("email"), contact.text("phone")))
                        .toList());
    }

    private static Address address(JsonBody address) {
        return new Address(address.choice("type", Address.Type::fromWireName, "billing or shipping"),
                address.text("addressLine1"), address.text("addressLine2"), address.text("city"), address.text("state"),
                address.text("postalCode"), address.text("country"));
    }

    static ObjectNode toJson(Customer customer) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("uuid", customer.uuid().toString())
                .put("customer", customer.name())
                .put("email", customer.email())
                .put("phone", customer.phone());
        ArrayNode addresses = json.putArray("addresses");
        for (Address address : customer.addresses()) {
            addresses.addObject()
                    .put("type", address.type() == null ? null : address.type().wireName())
                    .put("addressLine1", address.addressLine1())
                    .put("addressLine2", address.addressLine2())
                    .put("city", address.city())
                    .put("state", address.state())
                    .put("postalCode", address.postalCode())
                    .put("country", address.country());
        }
        ArrayNode contacts = json.putArray("contacts");
        for (Contact contact : customer.contacts()) {
            contacts.addObject().put("name", contact.name()).put("email", contact.email()).put("phone", contact.phone());
        }
        return json;
    }
}

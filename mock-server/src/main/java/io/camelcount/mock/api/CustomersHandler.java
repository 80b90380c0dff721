package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.Address;
import io.camelcount.mock.domain.Contact;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.CustomerChange;
import io.camelcount.mock.domain.CustomerQuery;
import io.camelcount.mock.domain.CustomerStatus;
import io.camelcount.mock.domain.CustomerUpdate;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.NewCustomer;
import io.camelcount.mock.domain.RowResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /partners/customers} (contract §5), with the fields count-cli documents for a customer. COUNT calls
 * a customer's name {@code customer}. The earlier {@code phone}, {@code addresses} and {@code contacts[].name}
 * are not among them (count-cli sends {@code mainPhone}, {@code billingAddress}/{@code shippingAddress} and
 * {@code firstName}/{@code lastName}), so they are ignored with a {@code _partnerWarnings} entry, as COUNT
 * answers any field it does not know, rather than read as aliases COUNT is not known to accept.
 */
public final class CustomersHandler {

    private static final Set<String> WRITABLE = Set.of("customer", "email", "mainPhone", "website", "notes", "status",
            "paymentTerm", "taxNumber", "taxAutoCalculate", "taxExcluded", "taxes", "billingAddress", "shippingAddress",
            "contacts");
    private static final Set<String> READ_ONLY = Set.of("id", "uuid", "createdAt", "updatedAt");
    /** In a bulk update row, {@code uuid} names the customer to change (count-cli's bulk update schema). */
    private static final Set<String> BULK_UPDATE_ROW = union(WRITABLE, Set.of("uuid"));
    private static final Set<String> ADDRESS_FIELDS = Set.of("addressLine1", "addressLine2", "city", "state",
            "postalCode", "country");
    private static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "email", "phone", "isPrimary");

    ApiResponse list(ApiRequest request) {
        QueryParameters query = request.query();
        Paging paging = query.paging();
        CustomerQuery customerQuery = new CustomerQuery(query.text("search"),
                query.choice("orderBy", CustomerQuery.Order::fromWireName, "customer, email, createdAt or updatedAt"),
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
        JsonBody body = request.json(true);
        NewCustomer newCustomer = newCustomer(body);
        Customer customer = request.workspace().createCustomer(newCustomer);
        return ApiResponse.success(201, "Customer created", toJson(customer)).withWarnings(warnings(body, WRITABLE));
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
        CustomerUpdate update = new CustomerUpdate(newCustomer(body), InvoicesHandler.sentFields(body, WRITABLE));
        Customer customer = request.workspace().updateCustomer(uuid, update);
        return ApiResponse.success(200, "Customer updated", toJson(customer)).withWarnings(warnings(body, WRITABLE));
    }

    /** 400 {@code customer_has_invoices} while invoices or templates reference the customer (contract §5). */
    ApiResponse delete(ApiRequest request) {
        Customer deleted = request.workspace().deleteCustomer(request.uuidParameter("uuid"));
        return ApiResponse.deleted("Customer deleted", deleted.uuid());
    }

    /**
     * {@code POST /partners/customers/bulk} {@code {"customers":[row…]}}: each row as a create, on its own.
     * COUNT answers 201 once it accepted the batch, even when every row failed (count-cli).
     */
    ApiResponse bulkCreate(ApiRequest request) {
        List<JsonBody> rows = rows(request.json(true));
        List<PartnerWarning> warnings = new ArrayList<>();
        List<Supplier<NewCustomer>> creates = rows.stream().<Supplier<NewCustomer>>map(row -> () -> {
            NewCustomer newCustomer = newCustomer(row);
            warnings.addAll(warnings(row, WRITABLE));
            return newCustomer;
        }).toList();
        return bulkAnswer(request.workspace().createCustomers(creates), warnings);
    }

    /** {@code PATCH /partners/customers/bulk} {@code {"customers":[{"uuid", …fields}]}}: each row as an update. */
    ApiResponse bulkUpdate(ApiRequest request) {
        List<JsonBody> rows = rows(request.json(true));
        List<PartnerWarning> warnings = new ArrayList<>();
        List<Supplier<CustomerChange>> changes = rows.stream().<Supplier<CustomerChange>>map(row -> () -> {
            var uuid = row.uuid("uuid");
            if (uuid == null) {
                throw DomainException.validation(row.fieldPath("uuid"), row.fieldPath("uuid")
                        + " is required: the customer to update");
            }
            CustomerChange change = new CustomerChange(uuid,
                    new CustomerUpdate(newCustomer(row), InvoicesHandler.sentFields(row, WRITABLE)));
            warnings.addAll(warnings(row, BULK_UPDATE_ROW));
            return change;
        }).toList();
        return bulkAnswer(request.workspace().updateCustomers(changes), warnings);
    }

    private static List<JsonBody> rows(JsonBody body) {
        List<JsonBody> rows = body.objects("customers");
        if (rows == null) {
            throw DomainException.validation("customers", "customers is required: {\"customers\":[{…}, …]} with 1 to 100 rows");
        }
        return rows;
    }

    /** {@code {"successCount","errorCount","results":[{"index","success":true,"customer"} | {"index","success":false,"error"}]}}. */
    private static ApiResponse bulkAnswer(List<RowResult<Customer>> results, List<PartnerWarning> warnings) {
        long succeeded = results.stream().filter(RowResult::success).count();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("successCount", succeeded)
                .put("errorCount", results.size() - succeeded);
        ArrayNode rows = data.putArray("results");
        for (RowResult<Customer> result : results) {
            ObjectNode row = rows.addObject().put("index", result.index()).put("success", result.success());
            if (result.success()) {
                row.set("customer", toJson(result.value()));
            } else {
                row.put("error", result.error());
            }
        }
        return ApiResponse.success(201, "Customers processed: " + succeeded + " succeeded, "
                + (results.size() - succeeded) + " failed", data).withWarnings(warnings);
    }

    private static NewCustomer newCustomer(JsonBody body) {
        List<JsonBody> contacts = body.objects("contacts");
        return new NewCustomer(body.text("customer"), body.text("email"), body.text("mainPhone"), body.text("website"),
                body.text("notes"), body.choice("status", CustomerStatus::fromWireName, "active or inactive"),
                body.text("paymentTerm"), body.text("taxNumber"), body.bool("taxAutoCalculate"), body.bool("taxExcluded"),
                body.integers("taxes"), address(body.object("billingAddress")), address(body.object("shippingAddress")),
                contacts == null ? null : contacts.stream()
                        .map(contact -> new Contact(contact.text("firstName"), contact.text("lastName"),
                                contact.text("email"), contact.text("phone"), contact.bool("isPrimary")))
                        .toList());
    }

    private static Address address(JsonBody address) {
        return address == null ? null : new Address(address.text("addressLine1"), address.text("addressLine2"),
                address.text("city"), address.text("state"), address.text("postalCode"), address.text("country"));
    }

    /**
     * The fields COUNT ignores: of the customer, and inside its addresses and contacts, named by full path
     * ({@code customers[2].billingAddress.zip} in a bulk row).
     */
    private static List<PartnerWarning> warnings(JsonBody body, Set<String> writable) {
        List<PartnerWarning> warnings = new ArrayList<>(nested(body, PartnerWarning.check(body, writable, READ_ONLY, "a customer")));
        for (String name : List.of("billingAddress", "shippingAddress")) {
            JsonBody address = body.object(name);
            if (address != null) {
                warnings.addAll(nested(address, PartnerWarning.check(address, ADDRESS_FIELDS, Set.of(), "an address")));
            }
        }
        List<JsonBody> contacts = body.objects("contacts");
        for (JsonBody contact : contacts == null ? List.<JsonBody>of() : contacts) {
            warnings.addAll(nested(contact, PartnerWarning.check(contact, CONTACT_FIELDS, Set.of(), "a contact")));
        }
        return warnings;
    }

    private static List<PartnerWarning> nested(JsonBody object, List<PartnerWarning> warnings) {
        return warnings.stream().map(warning -> new PartnerWarning(object.fieldPath(warning.field()), warning.reason(),
                object.fieldPath("") + warning.message())).toList();
    }

    static ObjectNode toJson(Customer customer) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", customer.uuid().toString())
                .put("customer", customer.name())
                .put("email", customer.email())
                .put("mainPhone", customer.mainPhone())
                .put("website", customer.website())
                .put("notes", customer.notes())
                .put("status", customer.status().wireName())
                .put("paymentTerm", customer.paymentTerm())
                .put("taxNumber", customer.taxNumber())
                .put("taxAutoCalculate", customer.taxAutoCalculate())
                .put("taxExcluded", customer.taxExcluded());
        ArrayNode taxes = json.putArray("taxes");
        customer.taxes().forEach(taxes::add);
        json.set("billingAddress", toJson(customer.billingAddress()));
        json.set("shippingAddress", toJson(customer.shippingAddress()));
        ArrayNode contacts = json.putArray("contacts");
        for (Contact contact : customer.contacts()) {
            contacts.addObject()
                    .put("firstName", contact.firstName())
                    .put("lastName", contact.lastName())
                    .put("email", contact.email())
                    .put("phone", contact.phone())
                    .put("isPrimary", contact.isPrimary());
        }
        return json.put("createdAt", customer.createdAt().toString()).put("updatedAt", customer.updatedAt().toString());
    }

    private static JsonNode toJson(Address address) {
        if (address == null) {
            return NullNode.getInstance();
        }
        return JsonNodeFactory.instance.objectNode()
                .put("addressLine1", address.addressLine1())
                .put("addressLine2", address.addressLine2())
                .put("city", address.city())
                .put("state", address.state())
                .put("postalCode", address.postalCode())
                .put("country", address.country());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }
}

package io.camelcount.mock.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.api.InvoiceWireFormat;
import io.camelcount.mock.auth.PartnerApp;
import io.camelcount.mock.domain.Account;
import io.camelcount.mock.domain.AccountType;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.NewInvoice;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.Tag;
import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Reads a {@link Seed} from JSON (the {@code --seed} file and {@code POST /__admin/count/seed}):
 *
 * <pre>{@code
 * {"partnerApps": [{"clientId": "crm", "clientSecret": "crm-secret"}],
 *  "workspaces": [{"uuid": "…", "name": "Initech", "currency": "EUR",
 *                  "accounts": [{"uuid", "name", "type", "accountNumber"?}],
 *                  "customers": [{"uuid", "name", "email"}], "products": [{"uuid", "name", "unitPrice", "categoryAccountUuid"}],
 *                  "tags": [{"uuid", "name"}], "accessGrants": [{"clientId", "accessToken", "refreshToken"}],
 *                  "invoices": [{"uuid"?, "sent"?, …the body of POST /partners/invoices…}]}]}
 * }</pre>
 *
 * Unknown fields are refused, so that a typo does not silently seed less than intended. Invoices are
 * read by the partner API's own parser, so a seed accepts exactly what a create accepts.
 */
public final class SeedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SEED_FIELDS = Set.of("partnerApps", "workspaces");
    private static final Set<String> WORKSPACE_FIELDS =
            Set.of("uuid", "name", "currency", "accounts", "customers", "products", "tags", "accessGrants", "invoices");
    private static final Set<String> ACCOUNT_FIELDS = Set.of("uuid", "name", "type", "accountNumber", "subType");
    private static final Set<String> GRANT_FIELDS = Set.of("clientId", "accessToken", "refreshToken");

    private SeedJson() {
    }

    /** @throws SeedRefusal a validation refusal naming the first problem, e.g. {@code workspaces[0].customers[1].name} */
    public static Seed parse(byte[] json) {
        JsonNode root;
        try {
            root = JavaScriptJson.parse(json);
        } catch (InvalidJsonException e) {
            throw SeedRefusal.invalid("seed", "not valid JSON: " + e.getMessage());
        }
        requireObject(root, "", SEED_FIELDS);
        return new Seed(list(root, "partnerApps", "", (app, at) -> bind(app, at, PartnerApp.class)),
                list(root, "workspaces", "", SeedJson::workspace));
    }

    private static WorkspaceSeed workspace(JsonNode json, String at) {
        requireObject(json, at, WORKSPACE_FIELDS);
        UUID uuid = uuid(json, at, "uuid");
        String name = text(json, at, "name", true);
        String currency = text(json, at, "currency", false);
        WorkspaceSeed.Builder workspace = WorkspaceSeed.builder(uuid, name).currency(currency == null ? "GBP" : currency);
        list(json, "accounts", at + ".", SeedJson::account).forEach(workspace::account);
        list(json, "customers", at + ".", (customer, where) -> bind(customer, where, Customer.class)).forEach(workspace::customer);
        list(json, "products", at + ".", (product, where) -> bind(product, where, Product.class)).forEach(workspace::product);
        list(json, "tags", at + ".", (tag, where) -> bind(tag, where, Tag.class)).forEach(workspace::tag);
        for (JsonNode grant : list(json, "accessGrants", at + ".", SeedJson::grantFields)) {
            workspace.accessGrant(grant.get("clientId").textValue(), grant.get("accessToken").textValue(),
                    grant.get("refreshToken").textValue());
        }
        list(json, "invoices", at + ".", SeedJson::invoice).forEach(workspace::invoice);
        return workspace.build();
    }

    /**
     * {@code type} as COUNT spells it: Assets, Liabilities, Equity, Income or Expenses; {@code subType} a name such as
     * {@code Bank} or {@code Cash}, which a transaction's account needs.
     */
    private static Account account(JsonNode json, String at) {
        requireObject(json, at, ACCOUNT_FIELDS);
        String type = text(json, at, "type", true);
        return new Account(uuid(json, at, "uuid"), text(json, at, "name", true),
                AccountType.fromWireName(type).orElseThrow(() -> SeedRefusal.invalid(at + ".type",
                        "must be one of Assets, Liabilities, Equity, Income, Expenses; got " + type)),
                text(json, at, "accountNumber", false), text(json, at, "subType", false));
    }

    private static JsonNode grantFields(JsonNode grant, String at) {
        requireObject(grant, at, GRANT_FIELDS);
        GRANT_FIELDS.forEach(field -> text(grant, at, field, true));
        return grant;
    }

    /** The create body plus {@code uuid} (random when absent) and {@code sent}. */
    private static InvoiceSeed invoice(JsonNode json, String at) {
        requireObject(json, at, null);
        UUID uuid = json.hasNonNull("uuid") ? uuid(json, at, "uuid") : UUID.randomUUID();
        JsonNode sent = json.get("sent");
        if (sent != null && !sent.isBoolean()) {
            throw SeedRefusal.invalid(at + ".sent", "must be true or false");
        }
        ObjectNode createBody = ((ObjectNode) json).deepCopy();
        createBody.remove(List.of("uuid", "sent"));
        NewInvoice invoice;
        try {
            invoice = InvoiceWireFormat.newInvoice(JavaScriptJson.stringify(createBody).getBytes(StandardCharsets.UTF_8));
        } catch (DomainException malformed) {
            throw SeedRefusal.invalid(malformed.field() == null ? at : at + "." + malformed.field(), malformed.getMessage());
        }
        return new InvoiceSeed(uuid, invoice, sent != null && sent.booleanValue());
    }

    private static <T> List<T> list(JsonNode parent, String name, String prefix, BiFunction<JsonNode, String, T> reader) {
        JsonNode array = parent.get(name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw SeedRefusal.invalid(prefix + name, "must be an array");
        }
        List<T> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            elements.add(reader.apply(array.get(i), prefix + name + "[" + i + "]"));
        }
        return elements;
    }

    private static <T> T bind(JsonNode json, String at, Class<T> type) {
        requireObject(json, at, null);
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String problem = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            if (cause instanceof NullPointerException missing) {
                problem = missing.getMessage() + " is required";
            }
            throw SeedRefusal.invalid(at, problem);
        }
    }

    private static void requireObject(JsonNode json, String at, Set<String> knownFields) {
        if (!json.isObject()) {
            throw SeedRefusal.invalid(at.isEmpty() ? "seed" : at, "must be a JSON object");
        }
        if (knownFields == null) {
            return;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw SeedRefusal.invalid(at.isEmpty() ? name : at + "." + name, "unknown field; expected one of " + knownFields);
            }
        }
    }

    private static String text(JsonNode json, String at, String name, boolean required) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw SeedRefusal.invalid(at + "." + name, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw SeedRefusal.invalid(at + "." + name, "must be a non-empty string");
        }
        return value.textValue();
    }

    private static UUID uuid(JsonNode json, String at, String name) {
        String text = text(json, at, name, true);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            throw SeedRefusal.invalid(at + "." + name, "must be a UUID");
        }
    }
}

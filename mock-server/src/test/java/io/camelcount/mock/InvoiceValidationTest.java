package io.camelcount.mock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.domain.Customer;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Product;
import io.camelcount.mock.domain.Tag;
import io.camelcount.mock.seed.WorkspaceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Create requests the mock must refuse, each with the field it names, and without creating anything. */
class InvoiceValidationTest {

    static final UUID UNCATEGORISED = UUID.fromString("9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c99");
    static final UUID PROJECT_TAG = UUID.fromString("7a900000-0000-4000-8000-000000000001");

    private CountMockServer server;
    private PartnerClient partner;

    @BeforeEach
    void start() {
        server = CountMockServer.builder().port(0).clock(MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z")))
                .workspace(WorkspaceSeed.builder(UUID.randomUUID(), "Elsewhere Ltd")
                        .customer(new Customer(UUID.fromString("e15e0000-0000-4000-8000-000000000001"), "Elsewhere", null))
                        .build())
                .start();
        server.demoWorkspace().addProduct(new Product(UNCATEGORISED, "Uncategorised thing", BigDecimal.TEN, null));
        server.demoWorkspace().addTag(new Tag(PROJECT_TAG, "Project X"));
        partner = new PartnerClient(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static ObjectNode validBody() {
        ObjectNode body = PartnerClient.JSON.createObjectNode()
                .put("customerUuid", Bodies.ACME)
                .put("date", "2026-11-24");
        body.putArray("products").addObject()
                .put("productUuid", Bodies.CONSULTING)
                .put("quantity", 2)
                .put("unitPrice", 120);
        return body;
    }

    private static ObjectNode line(ObjectNode body) {
        return (ObjectNode) body.get("products").get(0);
    }

    private static Arguments refused(String label, Consumer<ObjectNode> change, int status, String code, String field) {
        return arguments(Named.of(label, change), status, code, field);
    }

    private static Arguments invalid(String label, Consumer<ObjectNode> change, String field) {
        return refused(label, change, 400, "validation_failed", field);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                invalid("customerUuid missing", b -> b.remove("customerUuid"), "customerUuid"),
                invalid("customerUuid null", b -> b.putNull("customerUuid"), "customerUuid"),
                invalid("customerUuid not a UUID", b -> b.put("customerUuid", "acme"), "customerUuid"),
                invalid("customerUuid a number", b -> b.put("customerUuid", 42), "customerUuid"),
                invalid("date missing", b -> b.remove("date"), "date"),
                invalid("date in another format", b -> b.put("date", "24/11/2026"), "date"),
                invalid("date not a day", b -> b.put("date", "2026-02-30"), "date"),
                invalid("products missing", b -> b.remove("products"), "products"),
                invalid("products empty", b -> b.putArray("products"), "products"),
                invalid("products not an array", b -> b.put("products", "consulting"), "products"),
                invalid("line not an object", b -> b.putArray("products").add("consulting"), "products[0]"),
                invalid("productUuid missing", b -> line(b).remove("productUuid"), "products[0].productUuid"),
                invalid("productUuid not a UUID", b -> line(b).put("productUuid", "123"), "products[0].productUuid"),
                invalid("quantity missing", b -> line(b).remove("quantity"), "products[0].quantity"),
                invalid("quantity zero", b -> line(b).put("quantity", 0), "products[0].quantity"),
                invalid("quantity negative", b -> line(b).put("quantity", -1), "products[0].quantity"),
                invalid("quantity a string that is no number", b -> line(b).put("quantity", "two"), "products[0].quantity"),
                invalid("quantity a number in exponent form", b -> line(b).put("quantity", "2e1"), "products[0].quantity"),
                invalid("unitPrice missing", b -> line(b).remove("unitPrice"), "products[0].unitPrice"),
                invalid("unitPrice negative", b -> line(b).put("unitPrice", -1), "products[0].unitPrice"),
                invalid("unitPrice with 3 decimals", b -> line(b).put("unitPrice", new BigDecimal("1.005")), "products[0].unitPrice"),
                invalid("quantity absurdly large", b -> line(b).put("quantity", new BigDecimal("1e999999999")), "products[0].quantity"),
                invalid("quantity absurdly precise", b -> line(b).put("quantity", new BigDecimal("1e-999999999")), "products[0].quantity"),
                invalid("unitPrice too large for COUNT", b -> line(b).put("unitPrice", new BigDecimal("1e15")), "products[0].unitPrice"),
                invalid("discount absurdly large", b -> b.put("discount", new BigDecimal("1e999999999")), "discount"),
                invalid("price alias not a number", b -> line(b).put("price", "abc"), "products[0].price"),
                invalid("price alias disagrees with unitPrice", b -> line(b).put("price", 121), "products[0].price"),
                invalid("price alias disagrees with unitPrice as a string", b -> line(b).put("price", "121.00"), "products[0].price"),
                invalid("uuid alias disagrees with productUuid", b -> line(b).put("uuid", UUID.randomUUID().toString()),
                        "products[0].uuid"),
                invalid("uuid alias not a UUID", b -> { line(b).remove("productUuid"); line(b).put("uuid", "consulting"); }, "products[0].uuid"),
                invalid("second line's quantity", b -> ((ArrayNode) b.get("products")).addObject()
                        .put("productUuid", Bodies.CONSULTING).put("quantity", 0).put("unitPrice", 1), "products[1].quantity"),
                invalid("invoiceType unknown", b -> b.put("invoiceType", "bill"), "invoiceType"),
                invalid("invoiceType not a string", b -> b.put("invoiceType", 1), "invoiceType"),
                invalid("dueDate before date", b -> b.put("dueDate", "2026-11-23"), "dueDate"),
                invalid("isDraft a string", b -> b.put("isDraft", "false"), "isDraft"),
                invalid("discount with 3 decimals", b -> b.put("discount", new BigDecimal("1.234")), "discount"),
                invalid("discount negative", b -> b.put("discount", -5), "discount"),
                invalid("discount above subtotal", b -> b.put("discount", 240.01), "discount"),
                invalid("currency not ISO", b -> b.put("currency", "pounds"), "currency"),
                invalid("invoiceNumber blank", b -> b.put("invoiceNumber", " "), "invoiceNumber"),
                invalid("invoiceNumber a number", b -> b.put("invoiceNumber", 7), "invoiceNumber"),
                invalid("notes not a string", b -> b.put("notes", 5), "notes"),
                invalid("tagUuids not an array", b -> b.put("tagUuids", PROJECT_TAG.toString()), "tagUuids"),
                invalid("tagUuids element not a UUID", b -> b.putArray("tagUuids").add("x"), "tagUuids[0]"),
                invalid("appliedToInvoiceUuid on an invoice", b -> b.put("appliedToInvoiceUuid", UUID.randomUUID().toString()),
                        "appliedToInvoiceUuid"),
                refused("customer unknown", b -> b.put("customerUuid", UUID.randomUUID().toString()), 404, "not_found", "customerUuid"),
                refused("customer of another workspace", b -> b.put("customerUuid", "e15e0000-0000-4000-8000-000000000001"),
                        404, "not_found", "customerUuid"),
                refused("product unknown", b -> line(b).put("productUuid", UUID.randomUUID().toString()),
                        404, "not_found", "products[0].productUuid"),
                refused("tag unknown", b -> b.putArray("tagUuids").add(UUID.randomUUID().toString()), 404, "not_found", "tagUuids[0]"),
                refused("memo for an unknown invoice", b -> b.put("invoiceType", "memo")
                        .put("appliedToInvoiceUuid", UUID.randomUUID().toString()), 404, "not_found", "appliedToInvoiceUuid"),
                refused("product without category", b -> line(b).put("productUuid", UNCATEGORISED.toString()),
                        400, "product_without_category", "products[0].productUuid"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void createIsRefusedNamingTheField(Consumer<ObjectNode> change, int status, String code, String field) {
        ObjectNode body = validBody();
        change.accept(body);

        Reply reply = partner.post("/partners/invoices", body.toString());

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        reply.assertErrorEnvelope(status);
        assertThat(reply.message()).contains(field);
        assertThat(reply.json().get("requestId").asText()).isEqualTo(reply.requestId());
        assertThat(server.demoWorkspace().invoices()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"customerUuid\":", "not json", "[]", "\"text\"", "{\"date\":\"2026-11-24\"} trailing", "{'a':1}"})
    void malformedJsonIsRefusedAndCreatesNothing(String body) {
        Reply reply = partner.post("/partners/invoices", body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
        assertThat(reply.message()).contains("body");
        assertThat(server.demoWorkspace().invoices()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", ""})
    void emptyCreateNamesTheFirstMissingField(String body) {
        Reply reply = partner.post("/partners/invoices", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains(body.isEmpty() ? "body" : "customerUuid");
    }
}

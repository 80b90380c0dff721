package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST} and {@code PATCH /partners/customers/bulk} (contract §5): at most 100 rows, each on its own,
 * answered 201 with {@code successCount}, {@code errorCount} and one result per row, even when every row failed.
 */
class CustomerBulkTest extends DemoWorkspaceTest {

    private static final String BULK = "/partners/customers/bulk";

    private static String rows(String... rows) {
        return "{\"customers\":[" + String.join(",", rows) + "]}";
    }

    @Test
    void eachRowIsCreatedOnItsOwnAndAFailingRowUndoesNoOther() {
        Reply reply = created(partner.post(BULK, rows("{\"customer\":\"Initech\",\"email\":\"ap@initech.example\"}",
                "{\"email\":\"nameless@example.com\"}",
                "{\"customer\":\"Acme twin\",\"email\":\"billing@acme.example\"}",
                "{\"customer\":\"Initech clone\",\"email\":\"AP@initech.example\"}",
                "{\"customer\":7}",
                "{\"customer\":\"Hooli\",\"mainPhone\":\"+1 650\",\"fax\":\"none\"}")));

        JsonNode data = reply.data();
        assertThat(data.get("successCount").asInt()).isEqualTo(2);
        assertThat(data.get("errorCount").asInt()).isEqualTo(4);
        assertThat(data.get("results").findValuesAsText("index")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(data.get("results").findValuesAsText("success"))
                .containsExactly("true", "false", "false", "false", "false", "true");
        JsonNode results = data.get("results");
        assertThat(results.get(0).get("customer").get("customer").asText()).isEqualTo("Initech");
        assertThat(results.get(1).get("error").asText()).isEqualTo("customer (the customer's name) is required");
        assertThat(results.get(2).get("error").asText()).contains("billing@acme.example already belongs to another customer");
        assertThat(results.get(3).get("error").asText())
                .as("a row sees the rows before it").contains("AP@initech.example already belongs to another customer");
        assertThat(results.get(4).get("error").asText()).isEqualTo("customers[4].customer must be a string");
        assertThat(results.get(5).get("customer").get("mainPhone").asText()).isEqualTo("+1 650");
        assertThat(results.get(1).has("customer")).isFalse();
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("customers[5].fax");

        assertThat(ok(partner.get(CustomerTest.CUSTOMERS)).recordTexts("customer"))
                .containsExactly("Acme Trading Ltd", "Globex Services", "Initech", "Hooli");
        assertThat(ok(partner.get(CustomerTest.CUSTOMERS + "/" + results.get(0).get("customer").get("id").asText())).data())
                .isEqualTo(results.get(0).get("customer"));
    }

    @Test
    void aBatchInWhichEveryRowFailedIsStillAccepted() {
        Reply reply = created(partner.post(BULK, rows("{}", "{\"customer\":\"X\",\"status\":\"gone\"}")));

        assertThat(reply.data().get("successCount").asInt()).isZero();
        assertThat(reply.data().get("errorCount").asInt()).isEqualTo(2);
        assertThat(reply.data().get("results").get(1).get("error").asText()).startsWith("customers[1].status must be one of active or inactive");
        assertThat(ok(partner.get(CustomerTest.CUSTOMERS)).records()).hasSize(2);
    }

    @Test
    void aBatchOfMoreThan100RowsOrNoneIsRefusedWhole() {
        String many = rows(IntStream.range(0, 101).mapToObj(i -> "{\"customer\":\"C" + i + "\"}").toArray(String[]::new));
        for (String body : new String[] {many, rows(), "{}", "{\"customers\":{}}", "{\"customers\":[1]}"}) {
            Reply refused = partner.post(BULK, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.message()).startsWith("customers");
            assertThat(partner.patch(BULK, body).status()).isEqualTo(400);
        }
        assertThat(partner.post(BULK, many).message()).contains("at most 100 per request, so split the import");
        assertThat(created(partner.post(BULK, rows(IntStream.range(0, 100).mapToObj(i -> "{\"customer\":\"C" + i + "\"}")
                .toArray(String[]::new)))).data().get("successCount").asInt()).isEqualTo(100);
    }

    @Test
    void eachUpdateRowChangesOnlyItsCustomerAndOnlyTheFieldsItSends() {
        String unknown = UUID.randomUUID().toString();
        Reply reply = created(partner.patch(BULK, rows(
                "{\"uuid\":\"" + Bodies.ACME + "\",\"mainPhone\":\"+44 20 1\",\"status\":\"inactive\"}",
                "{\"mainPhone\":\"+44 20 2\"}",
                "{\"uuid\":\"" + unknown + "\",\"notes\":\"x\"}",
                "{\"uuid\":\"" + Bodies.GLOBEX + "\",\"email\":\"billing@acme.example\"}",
                "{\"uuid\":\"" + Bodies.GLOBEX + "\",\"website\":\"https://globex.example\",\"phone\":\"1\"}")));

        JsonNode results = reply.data().get("results");
        assertThat(reply.data().get("successCount").asInt()).isEqualTo(2);
        assertThat(reply.data().get("errorCount").asInt()).isEqualTo(3);
        assertThat(results.get(0).get("customer").get("mainPhone").asText()).isEqualTo("+44 20 1");
        assertThat(results.get(0).get("customer").get("status").asText()).isEqualTo("inactive");
        assertThat(results.get(0).get("customer").get("email").asText()).isEqualTo("billing@acme.example");
        assertThat(results.get(1).get("error").asText()).isEqualTo("customers[1].uuid is required: the customer to update");
        assertThat(results.get(2).get("error").asText()).contains("customer " + unknown + " not found");
        assertThat(results.get(3).get("error").asText()).contains("already belongs to another customer");
        assertThat(results.get(4).get("customer").get("website").asText()).isEqualTo("https://globex.example");
        assertThat(results.get(4).get("customer").get("email").asText()).isEqualTo("accounts@globex.example");
        assertThat(reply.json().get("_partnerWarnings").findValuesAsText("field")).containsExactly("customers[4].phone");
    }

    /** Each batch holds the workspace's lock, so no email is taken twice however the batches interleave. */
    @Test
    void concurrentBatchesNeverCreateTwoCustomersWithOneEmail() throws Exception {
        int batches = 6;
        String batch = rows(IntStream.range(0, 20).mapToObj(i -> "{\"customer\":\"C" + i + "\",\"email\":\"c" + i
                + "@example.com\"}").toArray(String[]::new));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(batches);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                PartnerClient client = new PartnerClient(server);
                Callable<Reply> send = () -> {
                    go.await();
                    return client.post(BULK, batch);
                };
                replies.add(pool.submit(send));
            }
            go.countDown();
            int succeeded = 0;
            for (Future<Reply> reply : replies) {
                succeeded += created(reply.get(60, TimeUnit.SECONDS)).data().get("successCount").asInt();
            }
            assertThat(succeeded).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        List<String> emails = ok(partner.get(CustomerTest.CUSTOMERS + "?limit=100")).recordTexts("email");
        Set<String> distinct = new HashSet<>(emails);
        assertThat(emails).hasSize(22).hasSameSizeAs(distinct);
        assertThat(distinct.stream().filter(email -> email.endsWith("@example.com")).collect(Collectors.toSet())).hasSize(20);
    }
}

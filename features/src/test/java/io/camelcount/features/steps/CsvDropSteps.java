package io.camelcount.features.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.camelcount.features.support.CountTarget;
import io.camelcount.features.support.CustomersAndProducts;
import io.camelcount.features.support.IntegratorKit;
import io.camelcount.features.support.RateLimitBudget;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kit's CSV drop folder ({@code invoice-csv-drop.camel.yaml}): files written into the folder, results read
 * from the result file the route writes.
 */
public class CsvDropSteps {

    private static final String HEADER = "reference,customerEmail,date,dueDate,productUuid,description,quantity,unitPrice\n";
    private static final String FILE = "orders.csv";
    /**
     * What the route asks COUNT for one row at most: the customer by email, the create, and, when an earlier drop
     * took the row's reference, the lookup of the invoice that has it.
     */
    private static final int REQUESTS_PER_ROW = 3;

    private final CustomersAndProducts customersAndProducts;
    private final IntegratorKit kit;
    private final List<List<String>> rows = new ArrayList<>();
    private String customerEmail;
    private List<Map<String, String>> results;

    public CsvDropSteps(CustomersAndProducts customersAndProducts, IntegratorKit kit) {
        this.customersAndProducts = customersAndProducts;
        this.kit = kit;
    }

    @Given("the integrator kit's CSV drop folder")
    public void theCsvDropFolder() {
        kit.set("count.csv.inbox", inbox().toString());
        kit.load("invoice-csv-drop");
    }

    /** A row the scenario puts in the CSV file, as written: a bad quantity ("two") must reach the route as it is. */
    public record CsvLine(String product, String quantity, String unitPrice) {
    }

    @Given("a CSV file was dropped with these rows for {string}:")
    @When("a CSV file is dropped with these rows for {string}:")
    public void aCsvFileIsDropped(String customer, List<CsvLine> table) {
        customerEmail = customersAndProducts.customer(customer).getEmail();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (CsvLine row : table) {
            rows.add(new ArrayList<>(List.of("CSV-" + run + "-" + (rows.size() + 1), customerEmail,
                    CountTarget.today().toString(), "", customersAndProducts.productUuid(row.product()), row.product(),
                    row.quantity(), row.unitPrice())));
        }
        drop();
    }

    @When("the corrected file is dropped again with row {int}'s quantity {int}")
    public void theCorrectedFileIsDroppedAgain(int row, int quantity) {
        rows.get(row - 1).set(6, String.valueOf(quantity));
        drop();
    }

    @Then("the result file lists the rows as {string}")
    public void theResultFileLists(String outcomes) {
        assertThat(results).extracting(result -> result.get("outcome"))
                .containsExactlyElementsOf(Arrays.asList(outcomes.split(",\\s*")));
        assertThat(results).extracting(result -> result.get("reference"))
                .containsExactlyElementsOf(rows.stream().map(row -> row.get(0)).toList());
    }

    @Then("row {int} is rejected because {string}")
    public void rowIsRejectedBecause(int row, String reason) {
        assertThat(results.get(row - 1)).containsEntry("outcome", "rejected");
        assertThat(results.get(row - 1).get("reason")).contains(reason);
    }

    @Then("the file is moved to {string}")
    public void theFileIsMovedTo(String folder) {
        assertThat(inbox().resolve(folder).resolve(FILE)).exists();
    }

    private void drop() {
        StringBuilder csv = new StringBuilder(HEADER);
        rows.forEach(row -> csv.append(String.join(",", row)).append('\n'));
        Path result = inbox().resolve("results").resolve("orders-result.csv");
        try {
            Files.createDirectories(inbox());
            Files.deleteIfExists(result);
            Path staging = Files.createTempFile(kit.folder(), "orders", ".part");
            Files.writeString(staging, csv, StandardCharsets.UTF_8);
            Files.move(staging, inbox().resolve(FILE));
            int requests = rows.size() * REQUESTS_PER_ROW;
            await("the kit's CSV route to write " + result.getFileName() + " and move " + FILE + " on, for "
                  + RateLimitBudget.explain(requests))
                    .atMost(RateLimitBudget.forRequests(requests))
                    .until(() -> Files.exists(result) && !Files.exists(inbox().resolve(FILE)));
            try (MappingIterator<Map<String, String>> lines = new CsvMapper().readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(result.toFile())) {
                results = lines.readAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path inbox() {
        return kit.folder().resolve("invoice-csv");
    }
}

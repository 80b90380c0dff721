package io.camelcount.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CSV drop folder, as the demo application runs it against the embedded mock COUNT: every row becomes a
 * draft invoice or a rejection with its reason in the result file, and the file moves to done/ or error/.
 */
class CsvDropStoryTest {

    private static final String HEADER = "reference,customerEmail,date,dueDate,productUuid,description,quantity,unitPrice\n";
    private static final String CONSULTING = DemoWorkspace.CONSULTING_HOUR.toString();

    @RegisterExtension
    final RunningDemo demo = new RunningDemo();

    private List<Map<String, String>> drop(String name, String csv) throws IOException {
        Files.createDirectories(demo.csvInbox());
        Path staging = Files.createTempFile(demo.csvInbox().getParent(), name, ".tmp");
        Files.writeString(staging, csv, StandardCharsets.UTF_8);
        Files.move(staging, demo.csvInbox().resolve(name));
        String stem = name.substring(0, name.length() - ".csv".length());
        Path result = demo.csvInbox().resolve("results").resolve(stem + "-result.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result) && !Files.exists(demo.csvInbox().resolve(name)));
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(result.toFile())) {
            return rows.readAll();
        }
    }

    private Invoice invoiceNumbered(String number) {
        return demo.workspace().invoices().stream().filter(invoice -> number.equals(invoice.invoiceNumber()))
                .findFirst().orElseThrow(() -> new AssertionError("No invoice " + number + " in COUNT"));
    }

    @Test
    void everyGoodRowBecomesADraftInvoiceAndTheFileMovesToDone() throws IOException {
        List<Map<String, String>> results = drop("orders.csv", HEADER
                + "ORD-1,billing@acme.example,2026-11-24,2026-12-24," + CONSULTING + ",\"Workshop, \"\"two\"\" days\",16,120\n"
                + "ORD-2,accounts@globex.example,2026-11-24,," + DemoWorkspace.SUPPORT_PLAN + ",,1,49.5\n");

        assertThat(results).extracting(row -> row.get("outcome")).containsExactly("created", "created");
        Invoice first = invoiceNumbered("ORD-1");
        assertThat(results.get(0)).containsEntry("invoiceUuid", first.uuid().toString()).containsEntry("row", "1");
        assertThat(first.status(demo.workspace().today())).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(first.customerUuid()).isEqualTo(DemoWorkspace.ACME_TRADING);
        assertThat(first.total()).isEqualByComparingTo("1920");
        assertThat(first.content().products().get(0).description()).isEqualTo("Workshop, \"two\" days");
        assertThat(invoiceNumbered("ORD-2").customerUuid()).isEqualTo(DemoWorkspace.GLOBEX_SERVICES);
        assertThat(demo.csvInbox().resolve("done/orders.csv")).exists();
    }

    @Test
    void aBadRowIsRejectedWithItsReasonWhileTheOthersAreCreated() throws IOException {
        List<Map<String, String>> results = drop("mixed.csv", HEADER
                + "MIX-1,billing@acme.example,2026-11-24,," + CONSULTING + ",Call,1,120\n"
                + "MIX-2,nobody@unknown.example,2026-11-24,," + CONSULTING + ",Call,1,120\n"
                + "MIX-3,billing@acme.example,24/11/2026,," + CONSULTING + ",Call,one,120\n"
                + "MIX-4,billing@acme.example,2026-11-24,," + CONSULTING + ",Call,2,120\n");

        assertThat(results).extracting(row -> row.get("outcome")).containsExactly("created", "rejected", "rejected", "created");
        assertThat(results.get(1).get("reason")).contains("nobody@unknown.example");
        assertThat(results.get(2).get("reason"))
                .contains("date must be YYYY-MM-DD, not '24/11/2026'")
                .contains("quantity must be a number above 0, not 'one'");
        assertThat(demo.workspace().invoices()).extracting(Invoice::invoiceNumber)
                .contains("MIX-1", "MIX-4").doesNotContain("MIX-2", "MIX-3");
        assertThat(demo.csvInbox().resolve("error/mixed.csv")).exists();
    }

    @Test
    void droppingTheCorrectedFileAgainCreatesOnlyWhatWasMissing() throws IOException {
        drop("retry.csv", HEADER
                + "RE-1,billing@acme.example,2026-11-24,," + CONSULTING + ",Call,1,120\n"
                + "RE-2,billing@acme.example,2026-11-24,," + CONSULTING + ",Call,zero,120\n");
        Invoice created = invoiceNumbered("RE-1");
        int invoicesBefore = demo.workspace().invoices().size();

        List<Map<String, String>> results = drop("retry.csv", HEADER
                + "RE-1,billing@acme.example,2026-11-24,," + CONSULTING + ",Call,1,120\n"
                + "RE-2,billing@acme.example,2026-11-24,," + CONSULTING + ",Call,2,120\n");

        assertThat(results).extracting(row -> row.get("outcome")).containsExactly("existing", "created");
        assertThat(results.get(0)).containsEntry("invoiceUuid", created.uuid().toString());
        assertThat(demo.workspace().invoices()).hasSize(invoicesBefore + 1);
        assertThat(demo.csvInbox().resolve("done/retry.csv")).exists();
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRejectedWholeAndMovedToError() throws IOException {
        int invoicesBefore = demo.workspace().invoices().size();

        List<Map<String, String>> results = drop("wrong.csv", "ref,email,amount\nX-1,billing@acme.example,10\n");

        assertThat(results).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("rejected");
            assertThat(row.get("reason")).contains("The header row lacks the columns reference, customerEmail, date, productUuid, quantity, unitPrice");
        });
        assertThat(demo.workspace().invoices()).hasSize(invoicesBefore);
        assertThat(demo.csvInbox().resolve("error/wrong.csv")).exists();
    }

    @Test
    void aSpreadsheetsExportWithAByteOrderMarkAndCrlfLinesReadsByItsHeader() throws IOException {
        List<Map<String, String>> results = drop("excel.csv", "\uFEFFreference,unitPrice,quantity,productUuid,date,customerEmail\r\n"
                + "XL-1,120,2," + CONSULTING + ",2026-11-24,billing@acme.example\r\n");

        assertThat(results).singleElement().satisfies(row -> assertThat(row).containsEntry("outcome", "created")
                .containsEntry("reference", "XL-1"));
        assertThat(invoiceNumbered("XL-1").total()).isEqualByComparingTo("240");
        assertThat(demo.csvInbox().resolve("done/excel.csv")).exists();
    }

    @Test
    void aFileWithOnlyItsHeaderIsRejectedWhole() throws IOException {
        List<Map<String, String>> results = drop("empty.csv", HEADER);

        assertThat(results).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("rejected");
            assertThat(row.get("reason")).isEqualTo("The file could not be read: The file has no rows under its header");
        });
        assertThat(demo.csvInbox().resolve("error/empty.csv")).exists();
    }
}

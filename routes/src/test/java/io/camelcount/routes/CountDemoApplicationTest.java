package io.camelcount.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.InvoiceStatus;
import io.camelcount.mock.domain.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's main job: the demo application with its YAML routes, against the embedded mock COUNT.
 */
class CountDemoApplicationTest {

    @TempDir
    Path folder;

    @Test
    void theDemoFeedsEverySampleThroughItsStory() throws Exception {
        Path inbox = folder.resolve("invoice-requests");
        List<Path> requests = copySamplesTo(inbox);
        Path csvInbox = folder.resolve("invoice-csv");

        try (CountDemoApplication demo = new CountDemoApplication(Map.of("COUNT_MOCK_PORT", "0"))) {
            demo.main().addOverrideProperty("count.demo.inbox", inbox.toString());
            demo.main().addOverrideProperty("count.csv.inbox", csvInbox.toString());
            demo.main().addOverrideProperty("count.state-dir", folder.resolve("state").toString());
            demo.main().addOverrideProperty("camel.server.port", String.valueOf(RunningDemo.freePort()));
            demo.main().addOverrideProperty("camel.management.port", String.valueOf(RunningDemo.freePort()));
            demo.main().start();
            try {
                Workspace workspace = demo.mock().demoWorkspace();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(requestedInvoices(workspace)).hasSize(requests.size())
                            .allSatisfy(invoice -> assertThat(invoice.status(workspace.today())).isEqualTo(InvoiceStatus.SENT));
                    assertThat(csvInbox.resolve("error/november-orders.csv")).exists();
                });

                assertThat(requestedInvoices(workspace)).extracting(Invoice::customerName)
                        .containsExactlyInAnyOrder("Acme Trading Ltd", "Globex Services");
                assertThat(requestedInvoices(workspace)).extracting(Invoice::total).map(Number::doubleValue)
                        .containsExactlyInAnyOrder(769.5, 49.5);

                Invoice deal = numbered(workspace, "CRM-D-2001");
                assertThat(deal.customerName()).isEqualTo("Initech");
                assertThat(deal.status(workspace.today())).isEqualTo(InvoiceStatus.SENT);

                Invoice sale = numbered(workspace, "POS-S-1001");
                assertThat(sale.customerName()).isEqualTo("Acme Trading Ltd");
                assertThat(sale.total()).isEqualByComparingTo("289.5");
                assertThat(sale.status(workspace.today())).isEqualTo(InvoiceStatus.PAID);

                assertThat(numbered(workspace, "SHOP-1001").status(workspace.today())).isEqualTo(InvoiceStatus.DRAFT);
                assertThat(numbered(workspace, "SHOP-1002").status(workspace.today())).isEqualTo(InvoiceStatus.DRAFT);
                assertThat(Files.readString(csvInbox.resolve("results/november-orders-result.csv")))
                        .contains("SHOP-1003,rejected").contains("SHOP-1004,rejected");
                // The invoices requested, the won deal's and the sale's receipt.
                assertThat(workspace.outbox()).hasSize(requests.size() + 2);
            } finally {
                demo.main().stop();
            }
        }
    }

    /** The invoices the JSON requests asked for: the CRM, point-of-sale and CSV stories number theirs. */
    private static List<Invoice> requestedInvoices(Workspace workspace) {
        return workspace.invoices().stream()
                .filter(invoice -> Stream.of("CRM-", "POS-", "SHOP-").noneMatch(invoice.invoiceNumber()::startsWith))
                .toList();
    }

    private static Invoice numbered(Workspace workspace, String number) {
        return workspace.invoices().stream().filter(invoice -> invoice.invoiceNumber().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError("No invoice " + number));
    }

    @Test
    void aMockPortMustBeANumber() {
        assertThatThrownBy(() -> new CountDemoApplication(Map.of("COUNT_MOCK_PORT", "eighty")))
                .hasMessage("COUNT_MOCK_PORT must be a port number (0 for any free port), not 'eighty'");
    }

    @Test
    void aRealCountNeedsItsCredentials() {
        assertThatThrownBy(() -> new CountDemoApplication(Map.of("COUNT_BASE_URL", "https://sandbox.example",
                "COUNT_CLIENT_ID", "my-app")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("these are not set: COUNT_CLIENT_SECRET, COUNT_ACCESS_TOKEN.")
                .hasMessageContaining("unset COUNT_BASE_URL to use the embedded mock COUNT");
    }

    private static List<Path> copySamplesTo(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (var files = Files.list(Path.of("samples/invoice-requests"))) {
            List<Path> samples = files.filter(file -> file.toString().endsWith(".json")).toList();
            assertThat(samples).isNotEmpty();
            for (Path sample : samples) {
                Files.copy(sample, inbox.resolve(sample.getFileName()));
            }
            return samples;
        }
    }
}

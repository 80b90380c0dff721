package io.camelcount.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
    Path inbox;

    @Test
    void everySampleRequestEndsAsASentInvoiceInTheMock() throws Exception {
        List<Path> samples = copySamplesTo(inbox);

        try (CountDemoApplication demo = new CountDemoApplication(Map.of("COUNT_MOCK_PORT", "0"))) {
            demo.main().addOverrideProperty("count.demo.inbox", inbox.toString());
            demo.main().start();
            try {
                Workspace workspace = demo.mock().demoWorkspace();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workspace.invoices())
                        .hasSize(samples.size())
                        .allSatisfy(invoice -> assertThat(invoice.status(workspace.today())).isEqualTo(InvoiceStatus.SENT)));

                assertThat(workspace.invoices()).extracting(Invoice::customerName)
                        .containsExactlyInAnyOrder("Acme Trading Ltd", "Globex Services");
                assertThat(workspace.invoices()).extracting(Invoice::total).map(Number::doubleValue)
                        .containsExactlyInAnyOrder(769.5, 49.5);
                assertThat(workspace.outbox()).hasSize(samples.size());
            } finally {
                demo.main().stop();
            }
        }
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
        try (var files = Files.list(Path.of("samples"))) {
            List<Path> samples = files.filter(file -> file.toString().endsWith(".json")).toList();
            assertThat(samples).isNotEmpty();
            for (Path sample : samples) {
                Files.copy(sample, inbox.resolve(sample.getFileName()));
            }
            return samples;
        }
    }
}

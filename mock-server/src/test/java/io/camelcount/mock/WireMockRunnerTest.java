package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mock loaded as extensions by WireMock's own standalone runner, in a JVM of its own, with the README's command:
 * {@code java -cp wiremock-standalone.jar:<the mock's classes>:target/wiremock-extensions/* wiremock.Run}. The runner
 * finds {@link CountMockExtensionFactory} through its extension scanning, and the mock's options come from the
 * {@code COUNT_MOCK_*} environment variables.
 */
class WireMockRunnerTest {

    private static final Pattern PORT = Pattern.compile("(?m)^port:\\s+(\\d+)\\s*$");
    private static final int RATE_LIMIT = 7;

    private static Process runner;
    private static Path output;

    @BeforeAll
    static void startWireMocksRunner(@TempDir Path rootDir) throws IOException {
        String classpath = String.join(File.pathSeparator, System.getProperty("wiremock.standalone.jar"),
                System.getProperty("count.mock.classes"), System.getProperty("wiremock.extensions.dir") + File.separator + "*");
        output = rootDir.resolve("runner.log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "wiremock.Run", "--port", "0", "--root-dir", rootDir.toString(), "--disable-banner")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        command.environment().put("COUNT_MOCK_RATE_LIMIT", String.valueOf(RATE_LIMIT));
        runner = command.start();
    }

    @AfterAll
    static void stopWireMocksRunner() throws InterruptedException {
        runner.destroy();
        assertThat(runner.waitFor(30, TimeUnit.SECONDS)).as("the runner stops on SIGTERM").isTrue();
    }

    private static String baseUrl() {
        return "http://localhost:" + await().atMost(Duration.ofMinutes(1)).until(WireMockRunnerTest::port, Optional::isPresent).get();
    }

    /** The port the runner printed once started; empty before, and the test fails fast if the runner died. */
    private static Optional<String> port() throws IOException {
        String printed = Files.readString(output);
        assertThat(runner.isAlive() || PORT.matcher(printed).find()).as(printed).isTrue();
        Matcher port = PORT.matcher(printed);
        return port.find() ? Optional.of(port.group(1)) : Optional.empty();
    }

    @Test
    void wireMocksRunnerServesSignedRequestsAndTheTokenRefresh() throws IOException {
        String baseUrl = baseUrl();
        assertThat(Files.readString(output)).contains("count-mappings", "count-partner-gateway", "count-admin-api");
        PartnerClient demo = new PartnerClient(baseUrl, Clock.systemUTC(), DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET,
                DemoWorkspace.ACCESS_TOKEN);

        Reply created = demo.post("/partners/invoices", Bodies.invoice());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("X-RateLimit-Limit")).as("COUNT_MOCK_RATE_LIMIT reached the mock").isEqualTo("7");

        Reply refreshed = demo.call("POST", "/partners/refresh-user-access-token")
                .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"" + DemoWorkspace.REFRESH_TOKEN + "\"}")
                .token(null).send();
        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        String accessToken = refreshed.data().get("result").get("accessToken").asText();
        PartnerClient rotated = new PartnerClient(baseUrl, Clock.systemUTC(), DemoWorkspace.CLIENT_ID,
                DemoWorkspace.CLIENT_SECRET, accessToken);
        assertThat(rotated.get("/partners/invoices").status()).isEqualTo(200);

        Reply unsigned = new PartnerClient(baseUrl, Clock.systemUTC(), DemoWorkspace.CLIENT_ID, "wrong-secret", accessToken)
                .get("/partners/invoices");
        assertThat(unsigned.status()).as("the gateway checks signatures").isEqualTo(401);
    }
}

package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.admin.AdminToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of the standalone jar, and that each option reaches the server it starts. */
class StandaloneOptionsTest {

    private static final String ADMIN_TOKEN = "0123456789abcdef-admin";

    @Test
    void everyOptionIsRead() {
        StandaloneOptions options = StandaloneOptions.parse("--port", "18089", "--strict-signing", "--rate-limit", "0",
                "--rate-limit-window", "PT10S", "--access-token-lifetime", "PT15M", "--refresh-token-lifetime=P7D", "--seed", "a.json", "--seed=b.json",
                "--clock-start", "2026-11-24T09:00:00Z", "--variants", "-42", "--bind", "0.0.0.0", "--admin-token", ADMIN_TOKEN,
                "--data-dir", "count-state", "--request-journal", "50", "--webhook-timeout", "PT2S");

        assertThat(options).isEqualTo(new StandaloneOptions(false, false, 18089, true, 0, Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofDays(7),
                List.of(Path.of("a.json"), Path.of("b.json")), Instant.parse("2026-11-24T09:00:00Z"), -42L, "0.0.0.0",
                AdminToken.of(ADMIN_TOKEN), Path.of("count-state"), 50, Duration.ofSeconds(2), null, false, null, null));
    }

    @Test
    void wireMocksRunnerOptionsAreReadUnderTheirNames() {
        StandaloneOptions options = StandaloneOptions.parse("--port", "18089", "--https-port", "18443", "--bind-address",
                "0.0.0.0", "--max-request-journal-entries", "20", "--verbose", "--container-threads", "30",
                "--jetty-acceptor-threads", "2");

        assertThat(options).isEqualTo(new StandaloneOptions(false, false, 18089, false, null, null, null, null, List.of(), null,
                null, "0.0.0.0", null, null, 20, null, 18443, true, 30, 2));
        assertThat(StandaloneOptions.parse("--max-request-journal-entries", "20", "--no-request-journal").requestJournal())
                .as("WireMock's runner: disabled wins").isZero();
    }

    @Test
    void wireMocksRunnerOptionsReachTheServer() {
        StandaloneOptions options = StandaloneOptions.parse("--port", "0", "--https-port", "0", "--max-request-journal-entries",
                "5", "--container-threads", "12", "--jetty-acceptor-threads", "1", "--verbose");

        try (CountMockServer server = options.applyTo(CountMockServer.builder()).start()) {
            assertThat(server.httpsPort()).isPositive().isNotEqualTo(server.port());
            assertThat(new PartnerClient(server).post("/partners/invoices", Bodies.invoice()).status()).isEqualTo(201);
            assertThat(server.wireMock().getAllServeEvents()).as("the journal keeps requests").hasSize(1);
            assertThat(server.wireMock().getOptions().containerThreads()).isEqualTo(12);
        }
    }

    @Test
    void eachOptionMayComeFromTheEnvironmentAndTheCommandLineWins() {
        Map<String, String> environment = Map.of("COUNT_MOCK_PORT", "18089", "COUNT_MOCK_RATE_LIMIT_WINDOW", "PT10S",
                "COUNT_MOCK_STRICT_SIGNING", "true", "COUNT_MOCK_VERBOSE", "false", "COUNT_MOCK_SEED", "a.json,b.json",
                "COUNT_MOCK_BIND_ADDRESS", "0.0.0.0", "COUNT_MOCK_MAX_REQUEST_JOURNAL_ENTRIES", "7");

        StandaloneOptions options = StandaloneOptions.parse(List.of("--port", "8090"), environment);

        assertThat(options).isEqualTo(new StandaloneOptions(false, false, 8090, true, null, Duration.ofSeconds(10), null, null,
                List.of(Path.of("a.json"), Path.of("b.json")), null, null, "0.0.0.0", null, null, 7, null, null, false, null,
                null));
        assertThat(StandaloneOptions.USAGE).contains("COUNT_MOCK_<OPTION>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COUNT_MOCK_PORT|eighty|COUNT_MOCK_PORT: needs a port from 0 to 65535, got \"eighty\"",
            "COUNT_MOCK_STRICT_SIGNING|yes|COUNT_MOCK_STRICT_SIGNING: needs true or false, got \"yes\"",
            "COUNT_MOCK_RATE_LIMIT_WINDOW|10s|COUNT_MOCK_RATE_LIMIT_WINDOW: needs an ISO-8601 duration such as PT1H, PT15M or P30D,"
                    + " got \"10s\""})
    void aBadVariableIsNamed(String variable, String value, String message) {
        assertThatThrownBy(() -> StandaloneOptions.parse(List.of(), Map.of(variable, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void noOptionsMeansTheDefaults() {
        assertThat(StandaloneOptions.parse()).isEqualTo(new StandaloneOptions(false, false, null, false, null, null, null, null, List.of(), null, null, null, null, null, null,
                null, null, false, null, null));
        assertThat(StandaloneOptions.parse("--help").help()).isTrue();
        assertThat(StandaloneOptions.USAGE).contains("--port", "--strict-signing", "--rate-limit", "--rate-limit-window",
                "--access-token-lifetime", "--refresh-token-lifetime", "--seed", "--clock-start", "--variants", "--bind", "--admin-token",
                "COUNT_MOCK_ADMIN_TOKEN", "--data-dir", "--request-journal", "--webhook-timeout", "--https-port", "--bind-address",
                "--max-request-journal-entries", "--no-request-journal", "--verbose", "--container-threads",
                "--jetty-acceptor-threads");
    }

    @Test
    void helpListsEveryOptionTheParserReads() {
        List<String> names = StandaloneOptions.commandLine().getCommandSpec().options().stream()
                .flatMap(option -> Stream.of(option.names())).toList();

        assertThat(names).contains("--port", "--admin-token", "--help", "-h", "--version", "-V");
        assertThat(StandaloneOptions.USAGE).startsWith("Usage: java -jar count-mock-server.jar [OPTIONS]")
                .contains(names);
        assertThat(StandaloneOptions.parse("-h").help()).isTrue();
        assertThat(StandaloneOptions.parse("--version").version()).isTrue();
        assertThat(StandaloneOptions.VERSION).startsWith("count-mock-server ");
    }

    @Test
    void aRepeatedOptionTakesItsLastValue() {
        assertThat(StandaloneOptions.parse("--port", "1", "--port=2").port()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--no-such-option|Unknown option --no-such-option",
            "--port 1 extra|Unknown option extra",
            "--port|--port needs a value",
            "--port --strict-signing|--port needs a value",
            "--port eighty|--port: needs a port from 0 to 65535, got \"eighty\"",
            "--port 70000|--port: needs a port from 0 to 65535, got 70000",
            "--rate-limit -1|--rate-limit: needs 0 (off) or more requests per minute, got -1",
            "--rate-limit lots|--rate-limit: needs a number of requests per minute, 0 to turn the limit off, got \"lots\"",
            "--rate-limit-window 10s|--rate-limit-window: needs an ISO-8601 duration such as PT1H, PT15M or P30D, got \"10s\"",
            "--access-token-lifetime 1h|--access-token-lifetime: needs an ISO-8601 duration such as PT1H, PT15M or P30D, got \"1h\"",
            "--refresh-token-lifetime PT0S|--refresh-token-lifetime: needs a positive duration, got PT0S",
            "--clock-start 2026-11-24|--clock-start: needs an ISO-8601 instant such as 2026-11-24T09:00:00Z, got \"2026-11-24\"",
            "--variants|--variants needs a value",
            "--bind|--bind-address needs a value",
            "--container-threads 0|--container-threads: needs 1 or more threads, got 0",
            "--admin-token|--admin-token needs a value",
            "--admin-token short|--admin-token: The admin token must be at least 16 characters long (for example the output"
                    + " of `openssl rand -hex 32`)",
            "--admin-token 0123456789abcdef\"|--admin-token: The admin token may hold only letters, digits and - . _ ~ + / ="
                    + " (for example the output of `openssl rand -hex 32`)",
            "--request-journal -1|--max-request-journal-entries: needs 0 (off) or more requests to keep, got -1",
            "--webhook-timeout 10|--webhook-timeout: needs an ISO-8601 duration such as PT1H, PT15M or P30D, got \"10\"",
            "--variants random|--variants: needs a whole number as the seed, e.g. 42, got \"random\"",
            "--variants 9007199254740992|--variants: The variants seed must be a whole number between -(2^53 - 1) and 2^53 - 1,"
                    + " so that JSON keeps it exact; got 9007199254740992"})
    void badOptionsAreExplained(String commandLine, String message) {
        assertThatThrownBy(() -> StandaloneOptions.parse(commandLine.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theAdminTokenComesFromTheEnvironmentUnlessTheCommandLineGivesOne() {
        Map<String, String> environment = Map.of("COUNT_MOCK_ADMIN_TOKEN", "from-the-environment-0123");

        assertThat(StandaloneOptions.parse(List.of(), environment).adminToken())
                .isEqualTo(AdminToken.of("from-the-environment-0123"));
        assertThat(StandaloneOptions.parse(List.of("--admin-token", ADMIN_TOKEN), environment).adminToken())
                .isEqualTo(AdminToken.of(ADMIN_TOKEN));
        assertThat(StandaloneOptions.parse(List.of(), Map.of("COUNT_MOCK_ADMIN_TOKEN", "")).adminToken()).isNull();
        assertThatThrownBy(() -> StandaloneOptions.parse(List.of(), Map.of("COUNT_MOCK_ADMIN_TOKEN", "short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("COUNT_MOCK_ADMIN_TOKEN: The admin token must be at least 16 characters long");
    }

    @Test
    void theOptionsNeverShowTheAdminToken() {
        assertThat(StandaloneOptions.parse("--admin-token", ADMIN_TOKEN).toString()).doesNotContain(ADMIN_TOKEN);
        assertThatThrownBy(() -> StandaloneOptions.parse("--admin-token", "secret but short"))
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> StandaloneOptions.parse("--admin-token=secret-value-that-has spaces"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void aMissingOrMalformedSeedFileIsNamed(@TempDir Path directory) throws IOException {
        Path missing = directory.resolve("missing.json");
        Path malformed = Files.writeString(directory.resolve("bad.json"), "{\"workspaces\":[{\"name\":\"No UUID\"}]}");

        assertThatThrownBy(() -> StandaloneOptions.parse("--seed", missing.toString()).applyTo(CountMockServer.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Seed file " + missing + " does not exist");
        assertThatThrownBy(() -> StandaloneOptions.parse("--seed", malformed.toString()).applyTo(CountMockServer.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Seed file " + malformed + ": workspaces[0].uuid: is required");
    }

    @Test
    void theOptionsReachTheServer(@TempDir Path directory) throws IOException {
        Path seed = Files.writeString(directory.resolve("seed.json"), """
                {"partnerApps": [{"clientId": "crm", "clientSecret": "crm-secret"}],
                 "workspaces": [{"uuid": "7e57a11a-0000-4000-8000-0000000000a1", "name": "Initech",
                                 "accessGrants": [{"clientId": "crm", "accessToken": "crm-access", "refreshToken": "crm-refresh"}]}]}""");
        StandaloneOptions options = StandaloneOptions.parse("--port", "0", "--rate-limit", "2", "--rate-limit-window", "PT10S",
                "--access-token-lifetime", "PT15M",
                "--seed", seed.toString(), "--clock-start", "2026-11-24T09:00:00Z", "--strict-signing", "--variants", "42");

        try (CountMockServer server = options.applyTo(CountMockServer.builder()).start()) {
            assertThat(server.clock().instant()).isBetween(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T09:01:00Z"));
            assertThat(server.workspace(UUID.fromString("7e57a11a-0000-4000-8000-0000000000a1"))).isNotNull();
            PartnerClient crm = new PartnerClient(server.baseUrl(), server.clock(), "crm", "crm-secret", null);
            Reply refreshed = crm.call("POST", "/partners/refresh-user-access-token")
                    .body("{\"grantType\":\"refresh_token\",\"refreshToken\":\"crm-refresh\"}").send();
            assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
            Instant issuedAt = server.clock().instant();
            assertThat(Instant.parse(refreshed.data().get("result").get("accessTokenExpiresAt").asText()))
                    .isBetween(issuedAt.plus(Duration.ofMinutes(15)).minusSeconds(2), issuedAt.plus(Duration.ofMinutes(15)));
            assertThat(refreshed.header("X-RateLimit-Limit")).isEqualTo("2");
            assertThat(Long.parseLong(refreshed.header("X-RateLimit-Reset"))).as("the 10 s window")
                    .isLessThanOrEqualTo(issuedAt.plusSeconds(11).getEpochSecond());
            Reply strict = crm.call("POST", "/partners/refresh-user-access-token")
                    .body("{ \"grantType\": \"refresh_token\" }").send();
            assertThat(strict.machineCode()).as("the variants put the code in errorCode or error").isEqualTo("invalid_signature");
            Reply variants = new AdminClient(server).get("/variants");
            assertThat(variants.data().get("enabled").asBoolean()).as(variants.text()).isTrue();
            assertThat(variants.data().get("seed").asLong()).isEqualTo(42);
        }
    }
}

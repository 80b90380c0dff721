package io.camelcount.mock;

import io.camelcount.mock.admin.AdminToken;
import io.camelcount.mock.api.AnswerVariants;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line of {@code java -jar count-mock-server.jar}. Every option also exists on
 * {@link CountMockServer.Builder}; a bad value is refused with a message that names the option and
 * shows an example of a good one. The admin token may come from the environment instead
 * ({@value #ADMIN_TOKEN_VARIABLE}), where other users of a shared machine cannot read it in the process list.
 */
record StandaloneOptions(boolean help, Integer port, boolean strictSigning, Integer rateLimit,
                         Duration rateLimitWindow, Duration accessTokenLifetime, Duration refreshTokenLifetime, List<Path> seedFiles,
                         Instant clockStart, Long variantsSeed, String bindAddress, AdminToken adminToken,
                         Path dataDir, Integer requestJournal) {

    static final String ADMIN_TOKEN_VARIABLE = "COUNT_MOCK_ADMIN_TOKEN";

    static final String USAGE = """
            Usage: java -jar count-mock-server.jar [options]
              --port <port>                     port to listen on (default 8089, 0 for any free port)
              --strict-signing                  accept only the documented signature form (seconds, canonical body)
              --rate-limit <n>                  requests per rolling window per client ID (default 100, 0 = off)
              --rate-limit-window <ISO>         the rolling window (default PT1M; shorter for a quick rate-limit run)
              --access-token-lifetime <ISO>     lifetime of issued access tokens (default PT1H)
              --refresh-token-lifetime <ISO>    lifetime of issued refresh tokens (default P30D)
              --seed <file.json>                more partner apps and workspaces (repeatable; see README)
              --clock-start <instant>           start the mock's clock at this instant, e.g. 2026-11-24T09:00:00Z
              --variants <seed>                 answer each request in one of COUNT's known forms, chosen by the
                                                seed so a run repeats (default off: the contract's default forms)
              --bind <address>                  address to listen on (default 127.0.0.1, this machine only);
                                                0.0.0.0 opens the mock to the network and needs an admin token
              --admin-token <token>             the admin API (/__admin) then needs Authorization: Bearer <token>,
                                                and POST /__admin/shutdown works with it (without a token the mock
                                                stops by a signal only); at least 16 characters, e.g. from
                                                `openssl rand -hex 32`. Better: set COUNT_MOCK_ADMIN_TOKEN, which
                                                other users cannot see in the process list
              --data-dir <dir>                  keep the state in this directory (created when missing), so that
                                                invoices, tokens, the outbox and the clock survive a restart
              --request-journal <n>             keep the last n requests, bodies and headers included, in WireMock's
                                                journal (/__admin/requests; default 0, off)
              --help                            this text""";

    static StandaloneOptions parse(String... args) {
        boolean help = false;
        Integer port = null;
        boolean strictSigning = false;
        Integer rateLimit = null;
        Duration rateLimitWindow = null;
        Duration accessTokenLifetime = null;
        Duration refreshTokenLifetime = null;
        List<Path> seedFiles = new ArrayList<>();
        Instant clockStart = null;
        Long variantsSeed = null;
        String bindAddress = null;
        AdminToken adminToken = null;
        Path dataDir = null;
        Integer requestJournal = null;
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                words.add(arg.substring(0, equals));
                words.add(arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String option = words.get(i);
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--strict-signing" -> strictSigning = true;
                case "--port" -> port = value(words, ++i, option, StandaloneOptions::port);
                case "--rate-limit" -> rateLimit = value(words, ++i, option, StandaloneOptions::rateLimit);
                case "--rate-limit-window" -> rateLimitWindow = value(words, ++i, option, StandaloneOptions::duration);
                case "--access-token-lifetime" -> accessTokenLifetime = value(words, ++i, option, StandaloneOptions::duration);
                case "--refresh-token-lifetime" -> refreshTokenLifetime = value(words, ++i, option, StandaloneOptions::duration);
                case "--seed" -> seedFiles.add(value(words, ++i, option, Path::of));
                case "--clock-start" -> clockStart = value(words, ++i, option, StandaloneOptions::instant);
                case "--variants" -> variantsSeed = value(words, ++i, option, StandaloneOptions::variantsSeed);
                case "--bind" -> bindAddress = value(words, ++i, option, StandaloneOptions::bindAddress);
                case "--admin-token" -> adminToken = value(words, ++i, option, AdminToken::of);
                case "--data-dir" -> dataDir = value(words, ++i, option, StandaloneOptions::directory);
                case "--request-journal" -> requestJournal = value(words, ++i, option, StandaloneOptions::journalEntries);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new StandaloneOptions(help, port, strictSigning, rateLimit, rateLimitWindow, accessTokenLifetime,
                refreshTokenLifetime,
                List.copyOf(seedFiles), clockStart, variantsSeed, bindAddress, adminToken, dataDir, requestJournal);
    }

    /** These options, with the admin token from {@value #ADMIN_TOKEN_VARIABLE} unless {@code --admin-token} gave one. */
    StandaloneOptions withEnvironment(Map<String, String> environment) {
        String token = environment.get(ADMIN_TOKEN_VARIABLE);
        if (adminToken != null || token == null || token.isEmpty()) {
            return this;
        }
        AdminToken fromEnvironment;
        try {
            fromEnvironment = AdminToken.of(token);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(ADMIN_TOKEN_VARIABLE + ": " + bad.getMessage());
        }
        return new StandaloneOptions(help, port, strictSigning, rateLimit, rateLimitWindow, accessTokenLifetime,
                refreshTokenLifetime, seedFiles, clockStart, variantsSeed, bindAddress, fromEnvironment, dataDir, requestJournal);
    }

    /** Configures {@code builder}; reads the seed files, so a missing or malformed one is reported here. */
    CountMockServer.Builder applyTo(CountMockServer.Builder builder) {
        if (port != null) {
            builder.port(port);
        }
        builder.strictSigning(strictSigning);
        if (rateLimit != null) {
            builder.rateLimit(rateLimit);
        }
        if (rateLimitWindow != null) {
            builder.rateLimitWindow(rateLimitWindow);
        }
        if (accessTokenLifetime != null) {
            builder.accessTokenLifetime(accessTokenLifetime);
        }
        if (refreshTokenLifetime != null) {
            builder.refreshTokenLifetime(refreshTokenLifetime);
        }
        seedFiles.forEach(builder::seedFile);
        if (clockStart != null) {
            builder.clockStart(clockStart);
        }
        if (variantsSeed != null) {
            builder.variants(variantsSeed);
        }
        if (bindAddress != null) {
            builder.bindAddress(bindAddress);
        }
        if (adminToken != null) {
            builder.adminToken(adminToken);
        }
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (requestJournal != null) {
            builder.requestJournal(requestJournal);
        }
        return builder;
    }

    private static <T> T value(List<String> words, int index, String option, Function<String, T> parser) {
        if (index >= words.size() || words.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        try {
            return parser.apply(words.get(index));
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            throw new IllegalArgumentException(option + ": " + bad.getMessage());
        }
    }

    private static int port(String value) {
        int port = integer(value, "a port from 0 to 65535");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("needs a port from 0 to 65535, got " + value);
        }
        return port;
    }

    private static String bindAddress(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("needs an address such as 127.0.0.1 or 0.0.0.0");
        }
        return value;
    }

    private static int rateLimit(String value) {
        int limit = integer(value, "a number of requests per minute, 0 to turn the limit off");
        if (limit < 0) {
            throw new IllegalArgumentException("needs 0 (off) or more requests per minute, got " + value);
        }
        return limit;
    }

    private static int journalEntries(String value) {
        int entries = integer(value, "a number of requests to keep, 0 to keep none");
        if (entries < 0) {
            throw new IllegalArgumentException("needs 0 (off) or more requests to keep, got " + value);
        }
        return entries;
    }

    private static int integer(String value, String expected) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("needs " + expected + ", got \"" + value + "\"");
        }
    }

    private static long variantsSeed(String value) {
        long seed;
        try {
            seed = Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("needs a whole number as the seed, e.g. 42, got \"" + value + "\"");
        }
        AnswerVariants.requireValidSeed(seed);
        return seed;
    }

    private static Duration duration(String value) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException("needs an ISO-8601 duration such as PT1H, PT15M or P30D, got \"" + value + "\"");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("needs a positive duration, got " + value);
        }
        return duration;
    }

    private static Path directory(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("needs a directory, e.g. ./count-state");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException notAPath) {
            throw new IllegalArgumentException("needs a directory, e.g. ./count-state, got \"" + value + "\"");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("needs an ISO-8601 instant such as 2026-11-24T09:00:00Z, got \"" + value + "\"");
        }
    }
}

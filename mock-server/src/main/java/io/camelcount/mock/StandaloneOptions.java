package io.camelcount.mock;

import io.camelcount.mock.admin.AdminToken;
import io.camelcount.mock.api.AnswerVariants;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of {@code java -jar count-mock-server.jar}, read by picocli, which also writes
 * {@code --help}. Every option also exists on {@link CountMockServer.Builder}, which holds the defaults;
 * a bad value is refused with a message that names the option and shows an example of a good one. The
 * admin token may come from the environment instead ({@value #ADMIN_TOKEN_VARIABLE}), where other users of
 * a shared machine cannot read it in the process list.
 */
record StandaloneOptions(boolean help, boolean version, Integer port, boolean strictSigning, Integer rateLimit,
                         Duration rateLimitWindow, Duration accessTokenLifetime, Duration refreshTokenLifetime, List<Path> seedFiles,
                         Instant clockStart, Long variantsSeed, String bindAddress, AdminToken adminToken,
                         Path dataDir, Integer requestJournal, Duration webhookTimeout) {

    static final String ADMIN_TOKEN_VARIABLE = "COUNT_MOCK_ADMIN_TOKEN";

    static final String USAGE = commandLine().getUsageMessage(Help.Ansi.OFF).stripTrailing();
    static final String VERSION = String.join(System.lineSeparator(), commandLine().getCommandSpec().version());

    static StandaloneOptions parse(String... args) {
        ParseResult read;
        try {
            read = commandLine().parseArgs(args);
        } catch (ParameterException bad) {
            throw new IllegalArgumentException(explanation(bad));
        }
        return new StandaloneOptions(read.isUsageHelpRequested(), read.isVersionHelpRequested(),
                read.matchedOptionValue("--port", null), read.hasMatchedOption("--strict-signing"),
                read.matchedOptionValue("--rate-limit", null), read.matchedOptionValue("--rate-limit-window", null),
                read.matchedOptionValue("--access-token-lifetime", null), read.matchedOptionValue("--refresh-token-lifetime", null),
                List.copyOf(read.matchedOptionValue("--seed", List.<Path>of())), read.matchedOptionValue("--clock-start", null),
                read.matchedOptionValue("--variants", null), read.matchedOptionValue("--bind", null),
                read.matchedOptionValue("--admin-token", null), read.matchedOptionValue("--data-dir", null),
                read.matchedOptionValue("--request-journal", null), read.matchedOptionValue("--webhook-timeout", null));
    }

    /** The options, each parsed by the same method that checks it, so that the message names the problem. */
    static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name("java -jar count-mock-server.jar")
                .version("count-mock-server " + Objects.requireNonNullElse(
                        StandaloneOptions.class.getPackage().getImplementationVersion(), "(not run from its jar)"));
        // --help lists the options in the order they are added below; --help and --version, added last, close it.
        spec.usageMessage().abbreviateSynopsis(true).sortOptions(false).width(110);
        // A repeated option's last value counts, as it always has (picocli would refuse the repetition).
        spec.parser().overwrittenOptionsAllowed(true);
        spec.addOption(option("--port", "<port>", Integer.class, StandaloneOptions::port,
                "port to listen on (default 8089, 0 for any free port)"));
        spec.addOption(OptionSpec.builder("--strict-signing").arity("0")
                .description("accept only the documented signature form (seconds, canonical body)").build());
        spec.addOption(option("--rate-limit", "<n>", Integer.class, StandaloneOptions::rateLimit,
                "requests per rolling window per client ID (default 100, 0 = off)"));
        spec.addOption(option("--rate-limit-window", "<ISO>", Duration.class, StandaloneOptions::duration,
                "the rolling window (default PT1M; shorter for a quick rate-limit run)"));
        spec.addOption(option("--access-token-lifetime", "<ISO>", Duration.class, StandaloneOptions::duration,
                "lifetime of issued access tokens (default PT1H)"));
        spec.addOption(option("--refresh-token-lifetime", "<ISO>", Duration.class, StandaloneOptions::duration,
                "lifetime of issued refresh tokens (default P30D)"));
        spec.addOption(OptionSpec.builder("--seed").paramLabel("<file.json>").type(List.class).auxiliaryTypes(Path.class)
                .converters(Path::of).description("more partner apps and workspaces (repeatable; see README)").build());
        spec.addOption(option("--clock-start", "<instant>", Instant.class, StandaloneOptions::instant,
                "start the mock's clock at this instant, e.g. 2026-11-24T09:00:00Z"));
        spec.addOption(option("--variants", "<seed>", Long.class, StandaloneOptions::variantsSeed,
                "answer each request in one of COUNT's known forms, chosen by the seed so a run repeats"
                        + " (default off: the contract's default forms)"));
        spec.addOption(option("--bind", "<address>", String.class, StandaloneOptions::bindAddress,
                "address to listen on (default 127.0.0.1, this machine only); 0.0.0.0 opens the mock to the network"
                        + " and needs an admin token"));
        spec.addOption(option("--admin-token", "<token>", AdminToken.class, AdminToken::of,
                "the admin API (/__admin) then needs Authorization: Bearer <token>, and POST /__admin/shutdown works"
                        + " with it (without a token the mock stops by a signal only); at least 16 characters, e.g. from"
                        + " `openssl rand -hex 32`. Better: set " + ADMIN_TOKEN_VARIABLE + ", which other users cannot see"
                        + " in the process list"));
        spec.addOption(option("--data-dir", "<dir>", Path.class, StandaloneOptions::directory,
                "keep the state in this directory (created when missing), so that invoices, tokens, the outbox and"
                        + " the clock survive a restart"));
        spec.addOption(option("--request-journal", "<n>", Integer.class, StandaloneOptions::journalEntries,
                "keep the last n requests, bodies and headers included, in WireMock's journal (/__admin/requests;"
                        + " default 0, off)"));
        spec.addOption(option("--webhook-timeout", "<ISO>", Duration.class, StandaloneOptions::duration,
                "how long a webhook receiver may take to connect, then to answer (default PT10S, at most PT1M)"));
        return new CommandLine(spec.mixinStandardHelpOptions(true));
    }

    /**
     * No default is declared to picocli: the builder holds them, and {@code --help} then shows no value of
     * its own (the admin token least of all).
     */
    private static OptionSpec option(String name, String label, Class<?> type, ITypeConverter<?> parser, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).converters(parser).description(description).build();
    }

    /**
     * picocli's message, said as the mock always has: the option, then what it needs, without the value
     * given, which may be the admin token. Anything else (a value given to an option that takes none) is
     * picocli's own message.
     */
    private static String explanation(ParameterException bad) {
        if (bad instanceof UnmatchedArgumentException unknown) {
            return "Unknown option " + unknown.getUnmatched().get(0);
        }
        if (bad instanceof MissingParameterException missing && missing.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        if (bad.getCause() instanceof IllegalArgumentException refused && bad.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + ": " + refused.getMessage();
        }
        return bad.getMessage();
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
        return new StandaloneOptions(help, version, port, strictSigning, rateLimit, rateLimitWindow, accessTokenLifetime,
                refreshTokenLifetime, seedFiles, clockStart, variantsSeed, bindAddress, fromEnvironment, dataDir, requestJournal,
                webhookTimeout);
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
        if (webhookTimeout != null) {
            builder.webhookTimeout(webhookTimeout);
        }
        return builder;
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

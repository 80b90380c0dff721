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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of {@code java -jar count-mock-server.jar}, read by picocli, which also writes
 * {@code --help}. Every option also exists on {@link CountMockServer.Builder}, which holds the defaults;
 * a bad value is refused with a message that names the option and shows an example of a good one. Where WireMock's
 * runner has the same setting the option has its name ({@code --bind-address}, {@code --max-request-journal-entries},
 * ...). Each option may come from the environment instead ({@code COUNT_MOCK_<OPTION>}), as in the container image;
 * the admin token is better there ({@value #ADMIN_TOKEN_VARIABLE}), where other users of a shared machine cannot read
 * it in the process list.
 */
record StandaloneOptions(boolean help, boolean version, Integer port, boolean strictSigning, Integer rateLimit,
                         Duration rateLimitWindow, Duration accessTokenLifetime, Duration refreshTokenLifetime, List<Path> seedFiles,
                         Instant clockStart, Long variantsSeed, String bindAddress, AdminToken adminToken,
                         Path dataDir, Integer requestJournal, Duration webhookTimeout, Integer httpsPort, boolean verbose,
                         Integer containerThreads, Integer jettyAcceptorThreads) {

    /** Each option's variable: {@code --rate-limit-window} is {@code COUNT_MOCK_RATE_LIMIT_WINDOW}. */
    static final String VARIABLE_PREFIX = "COUNT_MOCK_";
    static final String ADMIN_TOKEN_VARIABLE = VARIABLE_PREFIX + "ADMIN_TOKEN";

    static final String USAGE = commandLine().getUsageMessage(Help.Ansi.OFF).stripTrailing();
    static final String VERSION = String.join(System.lineSeparator(), commandLine().getCommandSpec().version());

    /** The command line alone, as if no {@code COUNT_MOCK_*} variable were set. */
    static StandaloneOptions parse(String... args) {
        return parse(List.of(args), Map.of());
    }

    /**
     * The command line, and for each option it does not give, the option's {@code COUNT_MOCK_*} variable when set and
     * not empty: a flag's variable holds {@code true} or {@code false}, {@code COUNT_MOCK_SEED} files separated by
     * commas. A refused variable is named in the message, never with its value, which may be the admin token.
     */
    static StandaloneOptions parse(List<String> args, Map<String, String> environment) {
        List<String> fromEnvironment = new ArrayList<>();
        for (OptionSpec option : commandLine().getCommandSpec().options()) {
            String value = environment.get(variable(option));
            if (value != null && !value.isEmpty() && !option.usageHelp() && !option.versionHelp()) {
                List<String> asArguments = asArguments(option, value);
                read(asArguments, variable(option));
                fromEnvironment.addAll(asArguments);
            }
        }
        // The command line comes last, so that its value of an option wins over the variable's.
        List<String> all = new ArrayList<>(fromEnvironment);
        all.addAll(args);
        ParseResult read = read(all, null);
        Integer journal = read.hasMatchedOption("--no-request-journal") ? Integer.valueOf(0)
                : read.matchedOptionValue("--max-request-journal-entries", null);
        return new StandaloneOptions(read.isUsageHelpRequested(), read.isVersionHelpRequested(),
                read.matchedOptionValue("--port", null), read.hasMatchedOption("--strict-signing"),
                read.matchedOptionValue("--rate-limit", null), read.matchedOptionValue("--rate-limit-window", null),
                read.matchedOptionValue("--access-token-lifetime", null), read.matchedOptionValue("--refresh-token-lifetime", null),
                List.copyOf(read.matchedOptionValue("--seed", List.<Path>of())), read.matchedOptionValue("--clock-start", null),
                read.matchedOptionValue("--variants", null), read.matchedOptionValue("--bind-address", null),
                read.matchedOptionValue("--admin-token", null), read.matchedOptionValue("--data-dir", null),
                journal, read.matchedOptionValue("--webhook-timeout", null), read.matchedOptionValue("--https-port", null),
                read.hasMatchedOption("--verbose"), read.matchedOptionValue("--container-threads", null),
                read.matchedOptionValue("--jetty-acceptor-threads", null));
    }

    /** @param variable the variable the arguments come from, named in the message; null for the command line */
    private static ParseResult read(List<String> args, String variable) {
        try {
            return commandLine().parseArgs(args.toArray(String[]::new));
        } catch (ParameterException bad) {
            if (variable == null) {
                throw new IllegalArgumentException(explanation(bad));
            }
            String refusal = bad.getCause() instanceof IllegalArgumentException refused ? refused.getMessage() : "refused";
            throw new IllegalArgumentException(variable + ": " + refusal);
        }
    }

    private static String variable(OptionSpec option) {
        return VARIABLE_PREFIX + option.longestName().substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static List<String> asArguments(OptionSpec option, String value) {
        if (option.arity().max() == 0) {
            return switch (value) {
                case "true" -> List.of(option.longestName());
                case "false" -> List.of();
                default -> throw new IllegalArgumentException(variable(option) + ": needs true or false, got \"" + value + "\"");
            };
        }
        List<String> arguments = new ArrayList<>();
        for (String each : option.isMultiValue() ? value.split(",") : new String[] {value}) {
            arguments.add(option.longestName() + "=" + each);
        }
        return arguments;
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
        spec.addOption(option("--https-port", "<port>", Integer.class, StandaloneOptions::port,
                "also serve HTTPS on this port, with WireMock's self-signed certificate (default off)"));
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
        spec.addOption(option(List.of("--bind-address", "--bind"), "<address>", String.class, StandaloneOptions::bindAddress,
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
        spec.addOption(option(List.of("--max-request-journal-entries", "--request-journal"), "<n>", Integer.class,
                StandaloneOptions::journalEntries, "keep the last n requests, bodies and headers included, in WireMock's"
                        + " journal (/__admin/requests; default 0, off)"));
        spec.addOption(OptionSpec.builder("--no-request-journal").arity("0")
                .description("keep no request in the journal, whatever the option above says (the default)").build());
        spec.addOption(option("--webhook-timeout", "<ISO>", Duration.class, StandaloneOptions::duration,
                "how long a webhook receiver may take to connect, then to answer (default PT10S, at most PT1M)"));
        spec.addOption(OptionSpec.builder("--verbose").arity("0")
                .description("log every request WireMock serves and what it answered").build());
        spec.addOption(option("--container-threads", "<n>", Integer.class, StandaloneOptions::threads,
                "Jetty's request threads (default WireMock's 25)"));
        spec.addOption(option("--jetty-acceptor-threads", "<n>", Integer.class, StandaloneOptions::threads,
                "Jetty's threads accepting connections (default 1)"));
        spec.usageMessage().footer("", "Each option may instead come from the environment: " + VARIABLE_PREFIX
                + "<OPTION> with the option's long name, e.g. COUNT_MOCK_RATE_LIMIT_WINDOW=PT10S; a flag's variable holds true or"
                + " false, " + VARIABLE_PREFIX + "SEED files separated by commas. The command line wins over the variable.");
        return new CommandLine(spec.mixinStandardHelpOptions(true));
    }

    /**
     * No default is declared to picocli: the builder holds them, and {@code --help} then shows no value of
     * its own (the admin token least of all).
     */
    private static OptionSpec option(String name, String label, Class<?> type, ITypeConverter<?> parser, String description) {
        return option(List.of(name), label, type, parser, description);
    }

    /** WireMock's runner's name first, then the mock's older one. */
    private static OptionSpec option(List<String> names, String label, Class<?> type, ITypeConverter<?> parser,
                                     String description) {
        return OptionSpec.builder(names.toArray(String[]::new)).paramLabel(label).type(type).converters(parser)
                .description(description).build();
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
        if (httpsPort != null) {
            builder.httpsPort(httpsPort);
        }
        builder.verbose(verbose);
        if (containerThreads != null) {
            builder.containerThreads(containerThreads);
        }
        if (jettyAcceptorThreads != null) {
            builder.jettyAcceptorThreads(jettyAcceptorThreads);
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

    private static int threads(String value) {
        int threads = integer(value, "a number of threads, 1 or more");
        if (threads < 1) {
            throw new IllegalArgumentException("needs 1 or more threads, got " + value);
        }
        return threads;
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

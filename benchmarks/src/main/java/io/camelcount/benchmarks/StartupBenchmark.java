package io.camelcount.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Issue #7, figure 6: how long until each is ready, from launching its JVM to the line it prints once it serves:
 * the standalone mock COUNT beside plain WireMock standalone (both {@code java -jar}, any free port), and the demo
 * application beside {@link PlainCamelMain}. Launches alternate; the median of five (or of the first argument) is
 * reported. Run from the repository's root, after {@code ./mvnw -Pbenchmarks -pl benchmarks -am package}.
 */
public final class StartupBenchmark {

    static final int LAUNCHES = 5;
    /** Issue 19: the demo ready in at most 2.5 times a one-route Camel Main. */
    static final double DEMO_TARGET = 2.5;
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final Path MOCK_JAR = Path.of("mock-server/target/count-mock-server.jar");
    static final Path WIREMOCK_JAR = Path.of("benchmarks/target/wiremock-standalone.jar");
    static final Path ROUTES_DIR = Path.of("routes");

    private StartupBenchmark() {
    }

    /** One program to launch, and how it says it is ready. */
    private record Program(String name, Predicate<String> ready, ProcessBuilder command) {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : LAUNCHES;
        FiguresTable table = new FiguresTable("Start-up (median of " + launches + " launches, JVM launch to ready line)");
        for (Path needed : List.of(MOCK_JAR, WIREMOCK_JAR, ROUTES_DIR)) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException(needed.toAbsolutePath() + " is missing: run from the repository's root after"
                        + " ./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests");
            }
        }
        Path wireMockRoot = Files.createTempDirectory("wiremock-root");
        Program mock = new Program("mock COUNT standalone", line -> line.startsWith("Mock COUNT listening on"),
                new ProcessBuilder(ChildProcess.java(), "-jar", MOCK_JAR.toString(), "--port", "0"));
        Program wireMock = new Program("WireMock standalone", line -> line.startsWith("port:"),
                new ProcessBuilder(ChildProcess.java(), "-jar", WIREMOCK_JAR.toString(), "--port", "0",
                        "--root-dir", wireMockRoot.toString()));
        ProcessBuilder demoCommand = new ProcessBuilder(ChildProcess.java(), "-cp", ChildProcess.classPath(),
                "io.camelcount.routes.CountDemoApplication").directory(ROUTES_DIR.toFile());
        demoCommand.environment().put("COUNT_MOCK_PORT", "0");
        demoCommand.environment().remove("COUNT_BASE_URL");
        Predicate<String> camelStarted = line -> line.contains("Apache Camel") && line.contains(" started in ");
        Program demo = new Program("demo application", camelStarted, demoCommand);
        Program plainCamel = new Program("Camel Main, one route", camelStarted,
                new ProcessBuilder(ChildProcess.java(), "-cp", ChildProcess.classPath(), PlainCamelMain.class.getName()));

        Map<String, List<Duration>> mocks;
        try {
            mocks = launchAlternately(mock, wireMock, launches);
        } finally {
            deleteTree(wireMockRoot);
        }
        Map<String, List<Duration>> demos = launchAlternately(demo, plainCamel, launches);

        double mockRatio = ratio(mock, wireMock, mocks);
        table.ratio(mock.name() + " ready", median(mocks.get(mock.name())).toMillis() + " ms",
                median(mocks.get(wireMock.name())).toMillis() + " ms (" + wireMock.name() + ")", mockRatio);
        double demoRatio = ratio(demo, plainCamel, demos);
        table.ratioAtMost(demo.name() + " ready", median(demos.get(demo.name())).toMillis() + " ms",
                median(demos.get(plainCamel.name())).toMillis() + " ms (" + plainCamel.name() + ")", demoRatio, DEMO_TARGET);
        table.print();
    }

    private static Map<String, List<Duration>> launchAlternately(Program measured, Program anchor, int launches)
            throws IOException, InterruptedException {
        Map<String, List<Duration>> times = Map.of(measured.name(), new ArrayList<>(), anchor.name(), new ArrayList<>());
        for (int i = 0; i < launches; i++) {
            for (Program program : i % 2 == 0 ? List.of(measured, anchor) : List.of(anchor, measured)) {
                try (ChildProcess child = ChildProcess.launch(program.command(), program.ready(), TIMEOUT, null)) {
                    times.get(program.name()).add(child.readyAfter());
                    System.out.printf("  %-24s ready after %5d ms%n", program.name(), child.readyAfter().toMillis());
                }
            }
        }
        return times;
    }

    private static double ratio(Program measured, Program anchor, Map<String, List<Duration>> times) {
        return (double) median(times.get(measured.name())).toNanos() / median(times.get(anchor.name())).toNanos();
    }

    /** WireMock makes its mappings and __files folders there. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

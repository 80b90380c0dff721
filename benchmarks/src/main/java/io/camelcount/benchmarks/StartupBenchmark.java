package io.camelcount.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Issue #7, figure 6, and issue 19's start-up target: how long until each is ready, from launching its JVM to the
 * line it prints once it serves: the standalone mock COUNT beside plain WireMock standalone (both {@code java -jar},
 * any free port), and the demo application beside {@link PlainCamelMain}. Launches alternate; the median of five (or
 * of the first argument) is reported, with the CPU time (all threads) each JVM had used when it was ready.
 * <p>
 * The demo is launched as the README's {@code ./mvnw -q -pl routes -am package -DskipTests exec:exec} launches it:
 * from the routes module's jars and its dependencies' (routes/target/demo.classpath), in routes/, with the archive
 * of classes its first launch wrote (AppCDS). That first launch is made here too, into an archive of its own, and
 * timed. Camel Main, one route, is launched from benchmarks.jar the default way (no archive of its own: the verdict
 * row), and with an archive its own first launch wrote (the like-for-like row). Run from the repository's root,
 * after {@code ./mvnw -Pbenchmarks -pl benchmarks -am package -DskipTests}.
 */
public final class StartupBenchmark {

    static final int LAUNCHES = 5;
    /** Issue 19: the demo ready in at most 2.5 times a one-route Camel Main. */
    static final double DEMO_TARGET = 2.5;
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** A first launch writes its archive when it stops: tens of megabytes, slow on a loaded machine. */
    static final Duration ARCHIVE_WRITING = Duration.ofMinutes(3);
    static final Path MOCK_JAR = Path.of("mock-server/target/count-mock-server.jar");
    static final Path WIREMOCK_JAR = Path.of("benchmarks/target/wiremock-standalone.jar");
    static final Path ROUTES_DIR = Path.of("routes");
    static final Path DEMO_CLASSPATH = Path.of("routes/target/demo.classpath");
    static final String DEMO_MAIN = "io.camelcount.routes.CountDemoApplication";

    private StartupBenchmark() {
    }

    /** One program to launch, and how it says it is ready. */
    private record Program(String name, Predicate<String> ready, ProcessBuilder command) {
    }

    /** A program's launches: time to ready and CPU at ready. */
    private record Launches(List<Duration> ready, List<Duration> cpu) {

        Launches() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        Duration medianReady() {
            return median(ready);
        }

        Duration medianCpu() {
            return median(cpu);
        }
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        int launches = args.length > 0 ? Integer.parseInt(args[0]) : LAUNCHES;
        FiguresTable table = new FiguresTable("Start-up (median of " + launches + " launches, JVM launch to ready line)");
        for (Path needed : List.of(MOCK_JAR, WIREMOCK_JAR, ROUTES_DIR, DEMO_CLASSPATH)) {
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
        Map<String, Launches> mocks;
        try {
            mocks = launchAlternately(List.of(mock, wireMock), launches);
        } finally {
            deleteTree(wireMockRoot);
        }

        Path archives = Files.createTempDirectory("startup-cds");
        Predicate<String> camelStarted = line -> line.contains("Apache Camel") && line.contains(" started in ");
        Path demoArchive = archives.resolve("count-demo.jsa");
        Path plainArchive = archives.resolve("plain-camel.jsa");
        Map<String, Launches> demos;
        Duration demoFirst;
        Duration plainFirst;
        try {
            // A user's first launch runs until stopped, so its archive also has what the demo loads once it serves:
            // stopped here once it says it is running, after the sample feed.
            demoFirst = writeArchive(new Program("demo application, first launch", line -> line.contains(
                    "The COUNT demo is running"), demoCommand("-XX:ArchiveClassesAtExit=" + demoArchive)), demoArchive);
            plainFirst = writeArchive(new Program("Camel Main, first launch", camelStarted,
                    plainCommand("-XX:ArchiveClassesAtExit=" + plainArchive)), plainArchive);
            demos = launchAlternately(List.of(
                    new Program("demo (AppCDS)", camelStarted, demoCommand("-XX:SharedArchiveFile=" + demoArchive)),
                    new Program("Camel Main", camelStarted, plainCommand(null)),
                    new Program("demo (no archive)", camelStarted, demoCommand(null)),
                    new Program("Camel Main (AppCDS)", camelStarted, plainCommand("-XX:SharedArchiveFile=" + plainArchive))),
                    launches);
        } finally {
            deleteTree(archives);
        }

        table.ratio(mock.name() + " ready", ms(mocks.get(mock.name()).medianReady()),
                ms(mocks.get(wireMock.name()).medianReady()) + " (" + wireMock.name() + ")",
                ratio(mocks.get(mock.name()).medianReady(), mocks.get(wireMock.name()).medianReady()));
        Launches demo = demos.get("demo (AppCDS)");
        Launches plain = demos.get("Camel Main");
        Launches demoWithout = demos.get("demo (no archive)");
        Launches plainCds = demos.get("Camel Main (AppCDS)");
        table.ratioAtMost("demo ready, as launched (AppCDS)", ms(demo.medianReady()),
                ms(plain.medianReady()) + " (Camel Main, one route, default launch)",
                ratio(demo.medianReady(), plain.medianReady()), DEMO_TARGET);
        table.ratio("demo ready, both with AppCDS", ms(demo.medianReady()),
                ms(plainCds.medianReady()) + " (Camel Main, one route, AppCDS)",
                ratio(demo.medianReady(), plainCds.medianReady()));
        table.ratio("demo ready, no archive", ms(demoWithout.medianReady()),
                ms(plain.medianReady()) + " (Camel Main, one route, default launch)",
                ratio(demoWithout.medianReady(), plain.medianReady()));
        table.ratio("demo CPU to ready (AppCDS)", ms(demo.medianCpu()), ms(plain.medianCpu()) + " (Camel Main, default)",
                ratio(demo.medianCpu(), plain.medianCpu()));
        table.ratio("demo CPU to ready, both AppCDS", ms(demo.medianCpu()), ms(plainCds.medianCpu())
                + " (Camel Main, AppCDS)", ratio(demo.medianCpu(), plainCds.medianCpu()));
        table.ratio("demo CPU to ready, no archive", ms(demoWithout.medianCpu()), ms(plain.medianCpu())
                + " (Camel Main, default)", ratio(demoWithout.medianCpu(), plain.medianCpu()));
        table.note("First launches, which write the archives (once; the demo's is stopped after the sample feed): demo "
                   + ms(demoFirst) + ", Camel Main " + ms(plainFirst) + " to ready.");
        table.print();
    }

    /**
     * The demo's command as the routes module's exec:exec has it: its two jars, then its dependencies' from
     * demo.classpath, with {@code cdsOption} (null: none).
     */
    private static ProcessBuilder demoCommand(String cdsOption) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Dlog4j2.configurationFile=log4j2.properties"));
        if (cdsOption != null) {
            command.add(cdsOption);
        }
        command.addAll(List.of("-classpath", demoClassPath(), DEMO_MAIN));
        ProcessBuilder demo = new ProcessBuilder(command).directory(ROUTES_DIR.toFile());
        demo.environment().put("COUNT_MOCK_PORT", "0");
        demo.environment().remove("COUNT_BASE_URL");
        return demo;
    }

    /** Camel Main, one route, from benchmarks.jar, with {@code cdsOption} (null: none). */
    private static ProcessBuilder plainCommand(String cdsOption) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        if (cdsOption != null) {
            command.add(cdsOption);
        }
        command.addAll(List.of("-cp", ChildProcess.classPath(), PlainCamelMain.class.getName()));
        return new ProcessBuilder(command);
    }

    private static String demoClassPath() {
        try (Stream<Path> files = Files.list(ROUTES_DIR.resolve("target"))) {
            List<String> jars = files.filter(file -> file.getFileName().toString().matches("count-routes-.*?(-demo)?\\.jar"))
                    .filter(file -> !file.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                    .map(file -> file.toAbsolutePath().toString()).sorted().toList();
            if (jars.size() != 2) {
                throw new IllegalStateException("Expected the routes jar and its demo jar in routes/target, found " + jars);
            }
            return String.join(File.pathSeparator, jars) + File.pathSeparator + Files.readString(DEMO_CLASSPATH).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the demo's class path", e);
        }
    }

    /** A first launch with -XX:ArchiveClassesAtExit: timed to ready, then stopped so that it writes the archive. */
    private static Duration writeArchive(Program first, Path archive) throws IOException, InterruptedException {
        Duration ready;
        try (ChildProcess child = ChildProcess.launch(first.command(), first.ready(), TIMEOUT, null)) {
            ready = child.readyAfter();
            child.stopWithin(ARCHIVE_WRITING);
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException(first.name() + " wrote no archive at " + archive);
        }
        System.out.printf("  %-32s ready after %5d ms; archive %d MB%n", first.name(), ready.toMillis(),
                Files.size(archive) >> 20);
        return ready;
    }

    /** Each round launches every program once, the order turned by one from the round before. */
    private static Map<String, Launches> launchAlternately(List<Program> programs, int launches)
            throws IOException, InterruptedException {
        Map<String, Launches> times = new LinkedHashMap<>();
        programs.forEach(program -> times.put(program.name(), new Launches()));
        List<Program> order = new ArrayList<>(programs);
        for (int i = 0; i < launches; i++) {
            for (Program program : order) {
                try (ChildProcess child = ChildProcess.launch(program.command(), program.ready(), TIMEOUT, null)) {
                    times.get(program.name()).ready().add(child.readyAfter());
                    times.get(program.name()).cpu().add(child.cpuAtReady());
                    System.out.printf("  %-32s ready after %5d ms, CPU %5d ms%n", program.name(),
                            child.readyAfter().toMillis(), child.cpuAtReady().toMillis());
                }
            }
            Collections.rotate(order, 1);
        }
        return times;
    }

    private static double ratio(Duration measured, Duration anchor) {
        return (double) measured.toNanos() / anchor.toNanos();
    }

    private static String ms(Duration duration) {
        return duration.toMillis() + " ms";
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

package io.camelcount.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A JVM or program launched by a benchmark, timed from launch until it prints the line that says it is ready.
 * Its output is read all along (so it never blocks on a full pipe) and kept for when it fails.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Duration readyAfter;
    private final Duration cpuAtReady;
    private final String readyLine;
    private final List<String> output;

    private ChildProcess(Process process, Duration readyAfter, String readyLine, List<String> output) {
        this.process = process;
        this.readyAfter = readyAfter;
        this.cpuAtReady = cpu();
        this.readyLine = readyLine;
        this.output = output;
    }

    /** CPU time the child has used so far, all its threads; zero where the platform does not tell. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The {@code java} running this benchmark, so every child runs on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    /** This JVM's class path, absolute, so that a child started in another directory finds it too. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Starts {@code command} (standard error merged into its output) and waits for a line that {@code ready}
     * accepts.
     *
     * @param echo prints the child's lines as they come, prefixed
     */
    static ChildProcess launch(ProcessBuilder command, Predicate<String> ready, Duration timeout, String echo)
            throws IOException, InterruptedException {
        command.redirectErrorStream(true);
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        long start = System.nanoTime();
        Process process = command.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!readyLine.isDone() && ready.test(line)) {
                        readyLine.complete(line);
                    }
                    output.add(line);
                    if (echo != null) {
                        System.out.println(echo + line);
                    }
                }
            } catch (IOException ended) {
                // the process is gone; waiting for readiness fails below
            }
            readyLine.completeExceptionally(new IOException("The process ended without saying it was ready"));
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String line = readyLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ChildProcess(process, Duration.ofNanos(System.nanoTime() - start), line, output);
        } catch (ExecutionException | TimeoutException notReady) {
            process.destroyForcibly();
            throw new IOException("Not ready after " + timeout + ": " + String.join("\n", output), notReady);
        }
    }

    Duration readyAfter() {
        return readyAfter;
    }

    /** CPU time the child had used, all its threads, when it said it was ready. */
    Duration cpuAtReady() {
        return cpuAtReady;
    }

    String readyLine() {
        return readyLine;
    }

    /** Asks it to stop (SIGTERM, so shutdown hooks run) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        stopWithin(Duration.ofSeconds(30));
    }

    /** Asks it to stop, and kills it if it has not within {@code grace}: a JVM writing a class-data archive at exit needs longer. */
    void stopWithin(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package io.camelcount.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the demo's sample inputs to the routes the way real systems would: CSV files into the drop folder,
 * won deals to the CRM webhook and sales to the point-of-sale webhook over HTTP. (The JSON invoice requests need no feeding: their route reads
 * the samples folder itself.)
 */
final class SampleFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SampleFeed.class);

    private final Path samples;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SampleFeed(Path samples) {
        this.samples = samples;
    }

    void dropCsvFiles(Path csvInbox) {
        try {
            Files.createDirectories(csvInbox);
            for (Path csv : files("csv", ".csv")) {
                // Copied under a name the route ignores, then renamed, so the route never reads half a file.
                Path staging = csvInbox.resolve(csv.getFileName() + ".part");
                Files.copy(csv, staging, StandardCopyOption.REPLACE_EXISTING);
                Files.move(staging, csvInbox.resolve(csv.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Sample {} dropped into the CSV folder {}", csv.getFileName(), csvInbox);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not drop the sample CSV files into " + csvInbox, e);
        }
    }

    /** Posts each JSON file of the samples' {@code folder} ({@code crm}, {@code pos}) to the webhook. */
    void postJson(String folder, URI webhook) {
        for (Path sample : files(folder, ".json")) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(webhook)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofFile(sample)).build(), HttpResponse.BodyHandlers.ofString());
                LOG.info("Sample {} posted to {}: HTTP {} {}", sample.getFileName(), webhook, answer.statusCode(),
                        answer.body());
            } catch (IOException e) {
                LOG.warn("Sample {} could not be posted to {}: {}", sample.getFileName(), webhook, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Path> files(String folder, String suffix) {
        Path directory = samples.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the samples in " + directory, e);
        }
    }
}

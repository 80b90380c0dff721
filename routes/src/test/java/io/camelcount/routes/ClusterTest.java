package io.camelcount.routes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.camelcount.component.webhook.WebhookSignature;
import io.camelcount.mock.seed.DemoWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.matchers.GroupMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the demo in cluster mode, one PostgreSQL between them and one COUNT (the first replica's
 * embedded mock): each scheduled fire and each webhook delivery is handled by one of them.
 */
class ClusterTest {

    private static EmbeddedPostgres database;

    private final HttpClient http = HttpClient.newHttpClient();
    private Path folder;
    private CountDemoApplication first;
    private CountDemoApplication second;
    private int firstPort;
    private int secondPort;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @BeforeEach
    void startReplicas() throws IOException, SchedulerException {
        folder = Files.createTempDirectory("count-cluster");
        firstPort = RunningDemo.freePort();
        first = replica(Map.of("COUNT_MOCK_PORT", "0"), firstPort, "first");
        // Quartz keeps one scheduler per name in a JVM; replicas are JVMs of their own, so the second gets its own.
        SchedulerRepository.getInstance().remove(quartz(first).getSchedulerName());
        secondPort = RunningDemo.freePort();
        second = replica(Map.of(CountDemoApplication.BASE_URL_VARIABLE, first.mock().baseUrl(),
                "COUNT_CLIENT_ID", DemoWorkspace.CLIENT_ID, "COUNT_CLIENT_SECRET", DemoWorkspace.CLIENT_SECRET,
                "COUNT_ACCESS_TOKEN", DemoWorkspace.ACCESS_TOKEN), secondPort, "second");
    }

    private CountDemoApplication replica(Map<String, String> environment, int httpPort, String name) {
        Map<String, String> clustered = new HashMap<>(environment);
        clustered.put(CountDemoApplication.CLUSTER_DB_URL_VARIABLE, database.getJdbcUrl("postgres", "postgres"));
        clustered.put("COUNT_CLUSTER_DB_USER", "postgres");
        clustered.put("COUNT_CLUSTER_DB_PASSWORD", "");
        CountDemoApplication replica = new CountDemoApplication(clustered);
        String baseUrl = environment.get(CountDemoApplication.BASE_URL_VARIABLE);
        if (baseUrl != null) {
            replica.main().addOverrideProperty("camel.component.count.base-url", baseUrl);
        }
        replica.main().addOverrideProperty("count.demo.inbox", folder.resolve(name + "-inbox").toString());
        replica.main().addOverrideProperty("count.state-dir", folder.resolve(name + "-state").toString());
        // Not shared: the CSV drop folder is not yet read once per cluster.
        replica.main().addOverrideProperty("count.csv.inbox", folder.resolve(name + "-csv").toString());
        replica.main().addOverrideProperty("count.demo.samples", folder.resolve("no-samples").toString());
        replica.main().addOverrideProperty("camel.server.port", String.valueOf(httpPort));
        replica.main().addOverrideProperty("camel.management.port", String.valueOf(RunningDemo.freePort()));
        // Behind one address, as replicas are: one subscription at COUNT, whichever replica answers.
        replica.main().addOverrideProperty("count.webhooks.callback-url", "http://localhost:" + firstPort + "/count/webhooks");
        replica.main().start();
        return replica;
    }

    @AfterEach
    void stopReplicas() throws IOException {
        second.main().stop();
        second.close();
        first.main().stop();
        first.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aScheduledStoryFiresOnOneReplica() throws Exception {
        Scheduler scheduler = quartz(first);
        JobKey nightlySend = scheduler.getJobKeys(GroupMatcher.anyJobGroup()).stream()
                .filter(job -> job.getName().contains("nightly-send")).findFirst().orElseThrow();
        assertThat(quartz(second)).as("each replica has its own scheduler").isNotSameAs(scheduler);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        NotifyBuilder firstFired = fired(first.main().getCamelContext());
        NotifyBuilder secondFired = fired(second.main().getCamelContext());

        // A fire now, stored in the database for whichever replica acquires it; Quartz deletes it once it ran.
        scheduler.triggerJob(nightlySend);

        await().atMost(Duration.ofSeconds(20)).until(() -> (firstFired.matches() || secondFired.matches())
                && scheduler.getTriggersOfJob(nightlySend).size() == 1);
        assertThat(List.of(firstFired.matches(), secondFired.matches())).as("fired on one replica").containsOnlyOnce(true);
    }

    private static NotifyBuilder fired(CamelContext camel) {
        return new NotifyBuilder(camel).fromRoute("nightly-send-schedule").whenCompleted(1).create();
    }

    private static Scheduler quartz(CountDemoApplication replica) {
        return replica.main().getCamelContext().getComponent("quartz", QuartzComponent.class).getScheduler();
    }

    @Test
    void aWebhookDeliveryIsRoutedByOneReplicaWhicheverCountDeliversItTo() throws Exception {
        NotifyBuilder firstRouted = paid(first.main().getCamelContext());
        NotifyBuilder secondRouted = paid(second.main().getCamelContext());
        String delivery = UUID.randomUUID().toString();
        String body = """
                {"event": "invoice.updated", "occurredAt": "2026-11-24T10:00:00Z",
                 "data": {"uuid": "%s", "invoiceNumber": "INV-CLUSTER", "status": "paid"},
                 "previousData": {"status": "sent"}}""".formatted(UUID.randomUUID());

        // COUNT's retry of a delivery reaches the other replica.
        assertThat(deliver(firstPort, delivery, body)).isBetween(200, 299);
        assertThat(deliver(secondPort, delivery, body)).isBetween(200, 299);

        assertThat(firstRouted.matches()).as("the first delivery is routed").isTrue();
        assertThat(secondRouted.matches()).as("its retry on the other replica is not").isFalse();
    }

    private static NotifyBuilder paid(CamelContext camel) {
        return new NotifyBuilder(camel).fromRoute("payment-watcher-webhook").wereSentTo("direct:invoice-paid")
                .whenCompleted(1).create();
    }

    private int deliver(int port, String delivery, String body) throws IOException, InterruptedException {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/count/webhooks"))
                .header("Content-Type", "application/json").header("X-Webhook-Id", delivery)
                .header("X-Webhook-Event", "invoice.updated")
                .header(WebhookSignature.HEADER, WebhookSignature.of("demo-webhook-secret", raw))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}

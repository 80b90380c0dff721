package io.camelcount.mock.webhook;

import io.camelcount.mock.domain.DomainEvent;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends the webhook deliveries (contract §8) off the request threads, on one thread the mock owns: one at a time, in
 * the order they fell due, so that a run repeats. A delivery is a {@code POST} of its exact bytes with
 * {@code X-Webhook-Id}, {@code X-Webhook-Event} and, with a secret, {@code X-Webhook-Signature}; redirects are not
 * followed, any 2xx is success, the response body is not read. A failure is retried on the mock's clock after
 * {@link #BACK_OFF} (1 min, 5 min, 30 min, 2 h, 6 h), then given up. Nothing runs on a timer: attempts start when an
 * event is published, when the mock's clock moves, and when someone {@link #awaitIdle waits} for them.
 *
 * <p>Pending deliveries live in memory only: a restart loses them.
 */
public final class WebhookDeliveries implements AutoCloseable {

    static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** How long an {@link WebhookFaultKind#OUT_OF_ORDER} delivery waits for another one to overtake it. */
    static final Duration LONGEST_HOLD = Duration.ofMinutes(1);
    /** Finished deliveries kept for the admin API; the oldest go first. */
    static final int KEPT_FINISHED = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final MockClock clock;
    private final Subscriptions subscriptions;
    private final WebhookFaults faults;
    private final EventPayload payload;
    /** Built by the sender on its first delivery: a client holds a selector thread, which a mock that sends none spares. */
    private HttpClient http;
    private final Duration timeout;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> daemon(task, "count-webhook-sender"));
    /** The HTTP client's own work; apart from {@link #sender}, which blocks on each send. */
    private final ExecutorService client = Executors.newCachedThreadPool(task -> daemon(task, "count-webhook-client"));
    private final Runnable onClockMove = this::pump;
    /** In creation order. */
    private final Map<UUID, Delivery> deliveries = new LinkedHashMap<>();
    private int inFlight;
    private volatile int ownPort = -1;

    /**
     * @param timeout how long a receiver may take to accept the connection, and then to answer
     */
    public WebhookDeliveries(MockClock clock, Subscriptions subscriptions, WebhookFaults faults, EventPayload payload,
                             Duration timeout) {
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.faults = faults;
        this.payload = payload;
        this.timeout = timeout;
        clock.onMove(onClockMove);
    }

    /** The port the mock listens on, which no callback may reach (see {@link CallbackUrl}). */
    public void listeningOn(int port) {
        this.ownPort = port;
    }

    /** Turns a workspace's events into deliveries to the subscriptions that want them, and starts what is due. */
    public void publish(Workspace workspace, List<DomainEvent> events) {
        List<Delivery> created = new ArrayList<>();
        for (DomainEvent event : events) {
            try {
                for (Subscription subscription : subscriptions.delivering(workspace.uuid(), event.name())) {
                    UUID id = UUID.randomUUID();
                    created.add(new Delivery(id, subscription, event.name(), payload.render(id, event, workspace),
                            event.occurredAt(), faults.strike(event.name()).orElse(null)));
                }
            } catch (RuntimeException bug) {
                // The change is made and answered; a delivery the mock cannot build must not turn it into a failure.
                LOG.error("The webhook event {} of {} could not be delivered", event.name(), event.resourceUuid(), bug);
            }
        }
        if (!created.isEmpty()) {
            synchronized (this) {
                created.forEach(this::add);
            }
            pump();
        }
    }

    /** Every delivery kept, oldest first, optionally of one workspace. */
    public synchronized List<DeliveryStatus> list(UUID workspace) {
        return deliveries.values().stream()
                .filter(delivery -> workspace == null || delivery.workspaceUuid.equals(workspace))
                .map(Delivery::status)
                .toList();
    }

    /** Sends a delivery again now, whatever became of it, with the same id and bytes; the back-off starts afresh. */
    public DeliveryStatus redeliver(UUID id) {
        DeliveryStatus status;
        synchronized (this) {
            Delivery delivery = deliveries.get(id);
            if (delivery == null) {
                return null;
            }
            delivery.state = Delivery.State.PENDING;
            delivery.round++;
            delivery.failures = 0;
            delivery.heldBack = false;
            delivery.dueAt = clock.instant();
            status = delivery.status();
        }
        pump();
        return status;
    }

    /**
     * Starts every attempt that is due, then waits until none is under way and none is due, so that a test can look
     * at what its receiver got without sleeping.
     *
     * @return false when {@code timeout} (real time) passed first
     */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        startDue();
        while (inFlight > 0 || deliveries.values().stream().anyMatch(delivery -> delivery.due(clock.instant()))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            startDue();
        }
        return true;
    }

    /** Forgets every delivery; one under way finishes unrecorded. */
    public synchronized void clear() {
        deliveries.clear();
    }

    /** Starts the attempts that are due now. */
    public synchronized void pump() {
        startDue();
    }

    @Override
    public void close() {
        clock.removeMoveListener(onClockMove);
        sender.shutdownNow();
        client.shutdownNow();
        try {
            if (!sender.awaitTermination(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                LOG.warn("A webhook delivery was still under way when the mock stopped");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void add(Delivery delivery) {
        WebhookFaultKind fault = delivery.faultNow().orElse(null);
        if (fault == WebhookFaultKind.DELAY) {
            delivery.dueAt = delivery.createdAt.plus(delivery.fault.delay());
        } else if (fault == WebhookFaultKind.OUT_OF_ORDER) {
            delivery.heldBack = true;
            delivery.dueAt = delivery.createdAt.plus(LONGEST_HOLD);
        }
        deliveries.put(delivery.id, delivery);
        forgetOldest();
    }

    private void forgetOldest() {
        long finished = deliveries.values().stream().filter(delivery -> delivery.state != Delivery.State.PENDING).count();
        for (Iterator<Delivery> oldest = deliveries.values().iterator(); finished > KEPT_FINISHED && oldest.hasNext(); ) {
            if (oldest.next().state != Delivery.State.PENDING) {
                oldest.remove();
                finished--;
            }
        }
    }

    /** Called under the lock: each due delivery goes to the sender, in the order it fell due. */
    private void startDue() {
        Instant now = clock.instant();
        deliveries.values().stream()
                .filter(delivery -> delivery.heldBack && !delivery.dueAt.isAfter(now))
                .forEach(delivery -> delivery.heldBack = false);
        List<Delivery> due = deliveries.values().stream().filter(delivery -> delivery.due(now))
                .sorted(Comparator.comparing(delivery -> delivery.dueAt)).toList();
        for (Delivery delivery : due) {
            start(delivery);
            // An out-of-order delivery goes right after the first one that overtook it.
            deliveries.values().stream().filter(held -> held.heldBack && held != delivery).toList().forEach(held -> {
                held.heldBack = false;
                held.dueAt = now;
                start(held);
            });
        }
    }

    private void start(Delivery delivery) {
        delivery.inFlight = true;
        inFlight++;
        try {
            sender.execute(() -> attempt(delivery));
        } catch (RejectedExecutionException stopped) {
            delivery.inFlight = false;
            inFlight--;
        }
    }

    /** On the sender thread: one attempt (two for a duplicate fault), then its outcome recorded. */
    private void attempt(Delivery delivery) {
        WebhookFaultKind fault;
        int round;
        synchronized (this) {
            fault = delivery.faultNow().orElse(null);
            round = delivery.round;
        }
        List<DeliveryAttempt> made = new ArrayList<>();
        if (fault == WebhookFaultKind.DROP) {
            made.add(new DeliveryAttempt(0, clock.instant(), DeliveryAttempt.DROPPED, null, "dropped by an injected fault"));
        } else {
            made.add(send(delivery));
            if (fault == WebhookFaultKind.DUPLICATE) {
                made.add(send(delivery));
            }
        }
        synchronized (this) {
            for (DeliveryAttempt attempt : made) {
                delivery.attempts.add(new DeliveryAttempt(delivery.attempts.size() + 1, attempt.at(), attempt.outcome(),
                        attempt.responseStatus(), attempt.error()));
            }
            // An attempt of a round that a redelivery replaced meanwhile decides nothing: the new round is due now.
            if (delivery.round == round) {
                conclude(delivery, made);
            }
            delivery.inFlight = false;
            inFlight--;
            forgetOldest();
            startDue(); // a redelivery asked for during this attempt
            notifyAll();
        }
    }

    /** Under the lock: delivered, due again after the next back-off step, or given up. */
    private static void conclude(Delivery delivery, List<DeliveryAttempt> made) {
        if (made.stream().anyMatch(DeliveryAttempt::delivered)) {
            delivery.state = Delivery.State.DELIVERED;
        } else if (delivery.failures < BACK_OFF.size()) {
            delivery.dueAt = made.get(made.size() - 1).at().plus(BACK_OFF.get(delivery.failures++));
        } else {
            delivery.state = Delivery.State.GIVEN_UP;
        }
    }

    private DeliveryAttempt send(Delivery delivery) {
        Instant at = clock.instant();
        try {
            URI uri = new URI(delivery.callbackUrl);
            Optional<String> refused = refusal(uri);
            if (refused.isPresent()) {
                return new DeliveryAttempt(0, at, DeliveryAttempt.FAILED, null, "not sent: the callback resolves to "
                        + refused.get());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "count-mock-webhooks")
                    .header("X-Webhook-Id", delivery.id.toString())
                    .header("X-Webhook-Event", delivery.event)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body));
            if (delivery.signingSecret != null) {
                request.header("X-Webhook-Signature", "sha256=" + signature(delivery.signingSecret, delivery.body));
            }
            HttpResponse<InputStream> response = http().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Only the status matters: the body is never read, so a receiver cannot make the mock read megabytes.
            response.body().close();
            int status = response.statusCode();
            return new DeliveryAttempt(0, at, status / 100 == 2 ? DeliveryAttempt.DELIVERED : DeliveryAttempt.FAILED,
                    status, null);
        } catch (HttpTimeoutException timedOut) {
            return failed(at, "timed out after " + timeout.toMillis() + " ms");
        } catch (ConnectException refused) {
            return failed(at, "could not connect");
        } catch (UnknownHostException unknown) {
            return failed(at, "unknown host");
        } catch (IOException | URISyntaxException | IllegalArgumentException broken) {
            // The exception's message may quote the URL, whose query a partner may have put a token in: not kept.
            return failed(at, "failed: " + broken.getClass().getSimpleName());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return failed(at, "interrupted: the mock is stopping");
        }
    }

    /** Only the sender thread calls this, so the client needs no lock. */
    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(timeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(client)
                    .build();
        }
        return http;
    }

    /** Why the callback's host may not be delivered to, checked on every address it resolves to now. */
    private Optional<String> refusal(URI uri) throws UnknownHostException {
        int port = CallbackUrl.port(uri);
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            Optional<String> forbidden = CallbackUrl.forbidden(address, port, ownPort);
            if (forbidden.isPresent()) {
                return forbidden;
            }
        }
        return Optional.empty();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static DeliveryAttempt failed(Instant at, String error) {
        return new DeliveryAttempt(0, at, DeliveryAttempt.FAILED, null, error);
    }

    /** Hex HMAC-SHA256 of the exact bytes sent, keyed with the secret's UTF-8 bytes. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", missing);
        }
    }
}

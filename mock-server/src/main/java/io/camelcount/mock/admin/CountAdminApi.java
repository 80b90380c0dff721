package io.camelcount.mock.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import io.camelcount.mock.MockState;
import io.camelcount.mock.api.ApiResponse;
import io.camelcount.mock.api.InvoiceWireFormat;
import io.camelcount.mock.api.Refusals;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.fault.FaultRule;
import io.camelcount.mock.fault.Faults;
import io.camelcount.mock.seed.SeedJson;
import io.camelcount.mock.seed.SeedRefusal;
import io.camelcount.mock.store.StateNotSavedException;
import io.camelcount.mock.webhook.WebhookFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;

/**
 * The mock's own controls under {@code /__admin/count/}: what a test or a partner's script needs to
 * set up and inspect the mock COUNT without a real user, a real clock or a flaky network. JSON in,
 * JSON out, in COUNT's envelope.
 */
public final class CountAdminApi implements AdminApiExtension {

    private static final Logger LOG = LoggerFactory.getLogger(CountAdminApi.class);

    private static final long DEFAULT_AWAIT_MILLIS = 10_000;
    /** Below the time a client of the admin API waits for an answer by default. */
    private static final long LONGEST_AWAIT_MILLIS = 30_000;

    private final MockState state;

    public CountAdminApi(MockState state) {
        this.state = state;
    }

    @Override
    public String getName() {
        return "count-admin-api";
    }

    /**
     * The admin API's routes, one line each, as the partner API's are ({@code ApiRoutes}): each operation is a
     * method reference, answered through {@link #answer}. Each route's task is a lambda of its own because WireMock
     * looks a route's path template up by the class of its task: one class for all routes would parse every path
     * with the first template.
     */
    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(POST, "/count/reset", (admin, event, path) -> answer(event, this::reset));
        router.add(POST, "/count/seed", (admin, event, path) -> answer(event, this::seed));
        router.add(GET, "/count/state", (admin, event, path) -> answer(event, this::showState));
        router.add(GET, "/count/clock", (admin, event, path) -> answer(event, this::showClock));
        router.add(PUT, "/count/clock", (admin, event, path) -> answer(event, this::setClock));
        router.add(POST, "/count/clock/advance", (admin, event, path) -> answer(event, this::advanceClock));
        router.add(GET, "/count/outbox", (admin, event, path) -> answer(event, this::outbox));
        router.add(POST, "/count/payments", (admin, event, path) -> answer(event, this::recordPayment));
        router.add(POST, "/count/tokens/expire", (admin, event, path) -> answer(event, this::expireTokens));
        router.add(POST, "/count/faults", (admin, event, path) -> answer(event, this::addFault));
        router.add(GET, "/count/faults", (admin, event, path) -> answer(event, this::showFaults));
        router.add(DELETE, "/count/faults", (admin, event, path) -> answer(event, this::clearFaults));
        router.add(GET, "/count/variants", (admin, event, path) -> answer(event, this::showVariants));
        router.add(POST, "/count/variants", (admin, event, path) -> answer(event, this::switchVariants));
        router.add(DELETE, "/count/variants", (admin, event, path) -> answer(event, this::switchOffVariants));
        router.add(GET, "/count/webhooks", (admin, event, path) -> answer(event, this::showSubscriptions));
        router.add(GET, "/count/webhooks/deliveries", (admin, event, path) -> answer(event, this::showDeliveries));
        router.add(POST, "/count/webhooks/deliveries/await", (admin, event, path) -> answer(event, this::awaitDeliveries));
        router.add(POST, "/count/webhooks/deliveries/{id}/redeliver",
                (admin, event, path) -> answer(event, request -> redeliver(path.get("id"))));
        router.add(POST, "/count/webhooks/faults", (admin, event, path) -> answer(event, this::addWebhookFault));
        router.add(GET, "/count/webhooks/faults", (admin, event, path) -> answer(event, this::showWebhookFaults));
        router.add(DELETE, "/count/webhooks/faults", (admin, event, path) -> answer(event, this::clearWebhookFaults));
    }

    private ApiResponse reset(AdminRequest request) {
        state.reset();
        return ok("Mock COUNT reset to its starting seed", StateJson.snapshot(state));
    }

    private ApiResponse seed(AdminRequest request) {
        List<Workspace> created = state.seed(SeedJson.parse(request.rawBody()));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode workspaces = data.putArray("workspaces");
        created.forEach(workspace -> workspaces.add(StateJson.workspace(state, workspace)));
        return ApiResponse.success(201, "Seeded", data);
    }

    private ApiResponse showState(AdminRequest request) {
        return ok("State of the mock COUNT", StateJson.snapshot(state));
    }

    private ApiResponse showClock(AdminRequest request) {
        return ok("Mock clock", StateJson.clock(state));
    }

    private ApiResponse setClock(AdminRequest request) {
        AdminRequest body = request.json(Set.of("now"));
        Instant now = body.instant("now").orElseThrow(() -> DomainException.validation("now",
                "now is required: an ISO-8601 instant such as 2026-11-24T09:00:00Z"));
        state.clock().set(now);
        return ok("Mock clock set", StateJson.clock(state));
    }

    private ApiResponse advanceClock(AdminRequest request) {
        AdminRequest body = request.json(Set.of("seconds", "duration"));
        if (body.has("seconds") == body.has("duration")) {
            throw DomainException.validation("body", "The body must hold either seconds (a whole number) or duration"
                    + " (ISO-8601, e.g. P3D)");
        }
        Duration step = body.has("seconds") ? Duration.ofSeconds(body.integer("seconds").orElseThrow())
                : body.duration("duration").orElseThrow();
        if (step.isNegative()) {
            String field = body.has("seconds") ? "seconds" : "duration";
            throw DomainException.validation(field, field + " must not be negative: the clock only advances; use"
                    + " PUT /__admin/count/clock to move it back");
        }
        state.clock().advance(step);
        return ok("Mock clock advanced by " + step, StateJson.clock(state));
    }

    private ApiResponse outbox(AdminRequest request) {
        UUID workspace = request.query("workspaceId").map(id -> knownWorkspace("workspaceId", id)).orElse(null);
        return ok("Emails the mock COUNT sent", StateJson.outbox(state, workspace));
    }

    /** A customer's payment, as if it came through the bank: the whole balance unless an amount is given. */
    private ApiResponse recordPayment(AdminRequest request) {
        AdminRequest body = request.json(Set.of("workspaceId", "invoiceUuid", "amount"));
        UUID invoiceUuid = body.uuid("invoiceUuid").orElseThrow(() -> DomainException.validation("invoiceUuid",
                "invoiceUuid is required: the invoice the customer pays"));
        Workspace workspace = body.text("workspaceId").map(id -> knownWorkspace("workspaceId", id))
                .flatMap(state::workspace)
                .orElseGet(() -> workspaceHolding(invoiceUuid));
        Invoice paid = body.decimal("amount")
                .map(amount -> workspace.recordPayment(invoiceUuid, amount))
                .orElseGet(() -> workspace.payBalance(invoiceUuid));
        return ok("Payment recorded", InvoiceWireFormat.toJson(paid, workspace.today()));
    }

    private Workspace workspaceHolding(UUID invoiceUuid) {
        return state.workspaces().all().stream()
                .filter(workspace -> workspace.holdsInvoice(invoiceUuid))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("invoiceUuid", "invoiceUuid: no invoice " + invoiceUuid
                        + " in any workspace"));
    }

    private ApiResponse expireTokens(AdminRequest request) {
        AdminRequest body = request.json(Set.of("workspaceId", "clientId"));
        UUID workspace = body.text("workspaceId").map(id -> knownWorkspace("workspaceId", id)).orElse(null);
        String clientId = body.text("clientId").orElse(null);
        if (workspace == null && clientId == null) {
            throw DomainException.validation("body", "The body must name workspaceId, clientId or both: whose access"
                    + " tokens expire");
        }
        if (clientId != null && !state.credentials().knows(clientId)) {
            throw DomainException.notFound("clientId", "clientId: no partner app " + clientId);
        }
        int expired = state.tokens().expireAccessTokens(clientId, workspace);
        return ok(expired + " access token(s) expired", JsonNodeFactory.instance.objectNode().put("expired", expired));
    }

    private ApiResponse addFault(AdminRequest request) {
        FaultRule rule = FaultJson.rule(request.json(FaultJson.FIELDS));
        Faults.Status fault;
        try {
            fault = state.faults().add(rule);
        } catch (FaultRule.InvalidFault full) {
            throw DomainException.validation(full.field(), full.getMessage());
        }
        return ApiResponse.success(201, "Fault injected", FaultJson.toJson(fault));
    }

    private ApiResponse showFaults(AdminRequest request) {
        return ok("Injected faults", faults());
    }

    private ApiResponse clearFaults(AdminRequest request) {
        state.faults().clear();
        return ok("Faults removed", faults());
    }

    /** {@code {"seed": n}} switches variants on (counting afresh, as a mock started with that seed), {@code null} off. */
    private ApiResponse switchVariants(AdminRequest request) {
        AdminRequest body = request.json(Set.of("seed"));
        if (!body.sent("seed")) {
            throw DomainException.validation("seed", "seed is required: a whole number to switch the answer variants"
                    + " on (the same seed repeats the same forms), or null to switch them off");
        }
        Optional<Long> seed = body.integer("seed");
        if (seed.isEmpty()) {
            return switchOffVariants(request);
        }
        try {
            state.variants().switchOn(seed.get());
        } catch (IllegalArgumentException outOfRange) {
            throw DomainException.validation("seed", outOfRange.getMessage());
        }
        return ok("Answer variants on: each answer takes one of COUNT's known forms", variants());
    }

    private ApiResponse showVariants(AdminRequest request) {
        return ok("Answer variants", variants());
    }

    private ApiResponse switchOffVariants(AdminRequest request) {
        state.variants().switchOff();
        return ok("Answer variants off: every answer in the contract's default form", variants());
    }

    /** Every app's subscriptions in every workspace; never a signing secret. */
    private ApiResponse showSubscriptions(AdminRequest request) {
        UUID workspace = request.query("workspaceId").map(id -> knownWorkspace("workspaceId", id)).orElse(null);
        return ok("Webhook subscriptions", WebhookJson.subscriptions(state.webhooks().subscriptions().all().stream()
                .filter(subscription -> workspace == null || subscription.workspaceUuid().equals(workspace)).toList()));
    }

    private ApiResponse showDeliveries(AdminRequest request) {
        UUID workspace = request.query("workspaceId").map(id -> knownWorkspace("workspaceId", id)).orElse(null);
        return ok("Webhook deliveries", WebhookJson.deliveries(state.webhooks().deliveries().list(workspace)));
    }

    /**
     * Issues the recurring invoices that fell due, starts every delivery due at the mock's clock and waits (in real
     * time, at most {@code timeoutMillis}) until none is under way or due: then a test reads its receiver without
     * sleeping. 503 {@code deliveries_not_idle} when the time ran out (a receiver slower than the timeout).
     */
    private ApiResponse awaitDeliveries(AdminRequest request) {
        AdminRequest body = request.json(Set.of("timeoutMillis"));
        long timeoutMillis = body.integer("timeoutMillis").orElse(DEFAULT_AWAIT_MILLIS);
        if (timeoutMillis < 1 || timeoutMillis > LONGEST_AWAIT_MILLIS) {
            throw DomainException.validation("timeoutMillis", "timeoutMillis must be from 1 to " + LONGEST_AWAIT_MILLIS);
        }
        boolean idle;
        try {
            idle = state.awaitWebhookDeliveries(Duration.ofMillis(timeoutMillis));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            return ApiResponse.error(503, "deliveries_not_idle", "Webhook deliveries were still under way after "
                    + timeoutMillis + " ms; a receiver may be slower than that");
        }
        return ok("No webhook delivery is under way or due", WebhookJson.deliveries(state.webhooks().deliveries().list(null)));
    }

    /** Sends a delivery again now, with the same {@code X-Webhook-Id} and body. */
    private ApiResponse redeliver(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw DomainException.validation("id", "id must be a delivery's UUID");
        }
        return Optional.ofNullable(state.webhooks().deliveries().redeliver(uuid))
                .map(delivery -> ok("Redelivery started", WebhookJson.delivery(delivery)))
                .orElseThrow(() -> DomainException.notFound("id", "id: no webhook delivery " + uuid));
    }

    private ApiResponse addWebhookFault(AdminRequest request) {
        WebhookFaults.Status fault = state.webhooks().faults().add(WebhookJson.rule(request.json(WebhookJson.FAULT_FIELDS)));
        return ApiResponse.success(201, "Webhook fault injected", WebhookJson.fault(fault));
    }

    private ApiResponse showWebhookFaults(AdminRequest request) {
        return ok("Injected webhook faults", WebhookJson.faults(state.webhooks().faults().list()));
    }

    private ApiResponse clearWebhookFaults(AdminRequest request) {
        state.webhooks().faults().clear();
        return ok("Webhook faults removed", WebhookJson.faults(state.webhooks().faults().list()));
    }

    private ObjectNode variants() {
        Optional<Long> seed = state.variants().seed();
        return JsonNodeFactory.instance.objectNode().put("enabled", seed.isPresent()).put("seed", seed.orElse(null));
    }

    private ObjectNode faults() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode faults = data.putArray("faults");
        state.faults().list().forEach(fault -> faults.add(FaultJson.toJson(fault)));
        return data;
    }

    private UUID knownWorkspace(String field, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw DomainException.validation(field, field + " must be a UUID");
        }
        if (state.workspace(uuid).isEmpty()) {
            throw DomainException.notFound(field, field + ": no workspace " + uuid);
        }
        return uuid;
    }

    private static ApiResponse ok(String message, ObjectNode data) {
        return ApiResponse.success(200, message, data);
    }

    /** What a route of the admin API does with a request. */
    @FunctionalInterface
    private interface Operation {
        ApiResponse handle(AdminRequest request);
    }

    /** Runs a route's operation: COUNT's envelope out, refusals as COUNT's errors. */
    private ResponseDefinition answer(ServeEvent serveEvent, Operation operation) {
        try {
            ApiResponse answer = operation.handle(AdminRequest.of(serveEvent.getRequest()));
            state.saveChanges(); // with a data directory, the change is on disk before it is reported
            return answer.render();
        } catch (DomainException refused) {
            return ApiResponse.error(refused).render();
        } catch (SeedRefusal refused) {
            return ApiResponse.error(Refusals.status(refused.kind()), refused.code(), refused.getMessage()).render();
        } catch (StateNotSavedException notSaved) {
            LOG.error("Admin API {}: the change is made but not saved", serveEvent.getRequest().getUrl(), notSaved);
            return ApiResponse.error(503, "state_not_saved", notSaved.getMessage() + "; the change is made in memory"
                    + " but not saved").render();
        } catch (RuntimeException bug) {
            LOG.error("Admin API {} failed", serveEvent.getRequest().getUrl(), bug);
            return ApiResponse.error(500, "internal_error", "The mock's admin API failed unexpectedly; its log has the"
                    + " details.").render();
        }
    }
}

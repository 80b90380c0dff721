package io.camelcount.mock.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.webhook.Subscription;
import io.camelcount.mock.webhook.SubscriptionRequest;
import io.camelcount.mock.webhook.SubscriptionStatus;
import io.camelcount.mock.webhook.Subscriptions;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /partners/webhooks} (contract §8): the calling app's subscriptions in the caller's workspace. COUNT documents
 * the create's answer only, {@code {"status":"success","data":{"webhook":{…}}}} without a {@code message}, and a
 * subscription's {@code uuid} (the one object that carries {@code uuid} rather than {@code id}). count-cli has no
 * webhook routes. Decisions (mock): a read or change answers like the create (with a message), a list is a page of
 * {@code records} (contract §2), a delete answers {@code {"id","isDeleted":true}} as every delete does. A bad field is
 * a 400 whose machine code names it: {@code invalid_event}, {@code invalid_callback_url},
 * {@code invalid_signing_secret}, {@code invalid_status}. The signing secret is never answered.
 */
public final class WebhooksHandler {

    private static final Set<String> WRITABLE = Set.of("event", "callbackUrl", "signingSecret", "status");
    private static final Set<String> READ_ONLY = Set.of("id", "uuid", "hasSigningSecret", "createdAt", "updatedAt");
    private static final Map<String, String> CODES = Map.of("event", "invalid_event", "callbackUrl", "invalid_callback_url",
            "signingSecret", "invalid_signing_secret", "status", "invalid_status");

    private final Subscriptions subscriptions;

    public WebhooksHandler(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    ApiResponse list(ApiRequest request) {
        Paging paging = request.query().paging();
        return ApiResponse.success(200, "Webhooks retrieved", paging.render(
                subscriptions.own(request.workspace().uuid(), request.clientId()), WebhooksHandler::toJson));
    }

    /** 201 without a {@code message}, as COUNT's documented example answers. */
    ApiResponse create(ApiRequest request) {
        JsonBody body = request.json(true);
        Subscription created = subscriptions.create(request.workspace().uuid(), request.clientId(), subscription(body));
        return ApiResponse.success(201, null, webhook(created))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a webhook"));
    }

    ApiResponse get(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        Subscription subscription = subscriptions.own(request.workspace().uuid(), request.clientId()).stream()
                .filter(candidate -> candidate.uuid().equals(uuid)).findFirst()
                .orElseThrow(() -> DomainException.notFound("uuid", "Webhook " + uuid
                        + " not found for this app in this workspace"));
        return ApiResponse.success(200, "Webhook retrieved", webhook(subscription));
    }

    /** Only the fields sent change; {@code "signingSecret": null} stops signing. */
    ApiResponse update(ApiRequest request) {
        UUID uuid = request.uuidParameter("uuid");
        JsonBody body = request.json(true);
        Subscription updated = subscriptions.update(request.workspace().uuid(), request.clientId(), uuid, subscription(body));
        return ApiResponse.success(200, "Webhook updated", webhook(updated))
                .withWarnings(PartnerWarning.check(body, WRITABLE, READ_ONLY, "a webhook"));
    }

    ApiResponse delete(ApiRequest request) {
        Subscription deleted = subscriptions.delete(request.workspace().uuid(), request.clientId(),
                request.uuidParameter("uuid"));
        return ApiResponse.deleted("Webhook deleted", deleted.uuid());
    }

    private static SubscriptionRequest subscription(JsonBody body) {
        return new SubscriptionRequest(field("event", () -> body.text("event")),
                field("callbackUrl", () -> body.text("callbackUrl")),
                field("signingSecret", () -> body.text("signingSecret")),
                field("status", () -> body.choice("status", SubscriptionStatus::fromWireName, "active, paused or disabled")),
                InvoicesHandler.sentFields(body, WRITABLE));
    }

    /** A field of the wrong type is refused with the field's own machine code, as a wrong value is. */
    private static <T> T field(String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (DomainException wrongType) {
            throw DomainException.ruleOnField(CODES.get(name), name, wrongType.getMessage());
        }
    }

    private static ObjectNode webhook(Subscription subscription) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("webhook", toJson(subscription));
        return data;
    }

    /** A subscription as the partner routes answer it; the admin API adds its workspace and app. */
    public static ObjectNode toJson(Subscription subscription) {
        return JsonNodeFactory.instance.objectNode()
                .put("uuid", subscription.uuid().toString())
                .put("event", subscription.event())
                .put("callbackUrl", subscription.callbackUrl())
                .put("status", subscription.status().wireName())
                .put("hasSigningSecret", subscription.hasSigningSecret())
                .put("createdAt", subscription.createdAt().toString())
                .put("updatedAt", subscription.updatedAt().toString());
    }
}

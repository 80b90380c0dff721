package io.camelcount.component;

import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelcount.component.webhook.WebhookDelivery;
import io.camelcount.component.webhook.WebhookEvents;
import io.camelcount.component.webhook.WebhookSignature;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives COUNT's webhook deliveries on Camel's platform-http, so that the same route runs on Camel Main, Spring
 * Boot and Quarkus, and routes each delivery once. COUNT retries a delivery that was not answered 2xx, with the
 * same {@code X-Webhook-Id} (contract §8), so the answer says what happened to the event:
 * <ul>
 * <li>401: no valid signature over the raw body; nothing routed;</li>
 * <li>400: a signed body that is not an envelope the component can read; nothing routed;</li>
 * <li>200: routed; or a duplicate, or an event this endpoint does not route: nothing routed;</li>
 * <li>409: the same delivery is being routed right now, in this JVM; COUNT tries again later, when the answer is
 * known (a 2xx now would lose the event if that route then failed);</li>
 * <li>500: the route failed; the delivery ID is forgotten so that COUNT's retry is routed.</li>
 * </ul>
 */
public class CountWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CountWebhookConsumer.class);
    static final String DELIVERY_ID = "X-Webhook-Id";
    private static final String PLATFORM_HTTP = "platform-http";

    private final Set<String> events;
    /** The deliveries this JVM is routing now; the repository alone cannot tell routing from routed. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private IdempotentRepository routed;
    private Consumer receiver;

    public CountWebhookConsumer(CountEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.events = WebhookEvents.parse(endpoint.getConfiguration().getEvents());
    }

    @Override
    public CountEndpoint getEndpoint() {
        return (CountEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        routed = getEndpoint().deliveryRepository();
        ServiceHelper.startService(routed);
        receiver = platformHttp().createConsumer(this::receive);
        ServiceHelper.startService(receiver);
        // Listening first: COUNT may deliver as soon as a subscription exists.
        if (getEndpoint().getConfiguration().isSubscribe()) {
            try {
                subscribe();
            } catch (RuntimeException e) {
                doStop();
                throw e;
            }
        }
    }

    private void subscribe() {
        CountConfiguration configuration = getEndpoint().getConfiguration();
        try (CountConnections.Hold connection = getEndpoint().connect()) {
            new WebhookSubscriber(getEndpoint().createCalls(connection)).subscribe(events, configuration.getCallbackUrl(),
                    configuration.getSigningSecret());
        }
    }

    private Endpoint platformHttp() {
        if (getEndpoint().getCamelContext().getComponent(PLATFORM_HTTP) == null) {
            throw new IllegalStateException("count:webhooks receives COUNT's deliveries on Camel's platform-http, which is"
                                            + " not available: add camel-platform-http-main (Camel Main),"
                                            + " camel-platform-http-starter (Spring Boot) or camel-quarkus-platform-http");
        }
        String path = getEndpoint().getConfiguration().getWebhookPath();
        return getEndpoint().getCamelContext().getEndpoint(PLATFORM_HTTP + ":" + path + "?httpMethodRestrict=POST");
    }

    @Override
    protected void doStop() throws Exception {
        // Subscriptions stay: COUNT retries what a stopped receiver misses, and other instances may share them.
        ServiceHelper.stopService(receiver);
        ServiceHelper.stopService(routed);
        super.doStop();
    }

    /** Answers one HTTP request; nothing of the request (its signature included) is echoed in the answer. */
    private void receive(Exchange request) {
        Message message = request.getMessage();
        byte[] body = message.getBody(byte[].class);
        String signature = message.getHeader(WebhookSignature.HEADER, String.class);
        String deliveryId = message.getHeader(DELIVERY_ID, String.class);
        Answer answer = answer(body == null ? new byte[0] : body, signature, deliveryId);
        message.setHeaders(new HashMap<>());
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(answer.text());
    }

    private record Answer(int status, String text) {
    }

    private Answer answer(byte[] body, String signature, String deliveryId) {
        if (!WebhookSignature.isValid(getEndpoint().getConfiguration().getSigningSecret(), body, signature)) {
            return new Answer(401, "Missing or invalid " + WebhookSignature.HEADER);
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            return new Answer(400, "Missing " + DELIVERY_ID);
        }
        WebhookDelivery delivery;
        try {
            delivery = WebhookDelivery.read(body);
        } catch (IllegalArgumentException e) {
            LOG.warn("COUNT's delivery {} is signed but cannot be read ({}); answered 400", deliveryId, e.getMessage());
            return new Answer(400, "Unreadable delivery: " + e.getMessage());
        }
        if (!events.contains(delivery.event())) {
            return new Answer(200, "Not routed: this endpoint does not route " + delivery.event());
        }
        if (!inFlight.add(deliveryId)) {
            return new Answer(409, "This delivery is being processed; try again later");
        }
        try {
            if (!routed.add(deliveryId)) {
                return new Answer(200, "Duplicate: already processed");
            }
            if (!route(deliveryId, delivery)) {
                routed.remove(deliveryId);
                return new Answer(500, "The route failed; deliver again");
            }
            routed.confirm(deliveryId);
            return new Answer(200, "Processed");
        } finally {
            inFlight.remove(deliveryId);
        }
    }

    /** @return whether the route processed the event */
    private boolean route(String deliveryId, WebhookDelivery delivery) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(delivery.resource());
            message.setHeader(CountConstants.UUID, delivery.uuid());
            message.setHeader(CountConstants.WEBHOOK_ID, deliveryId);
            message.setHeader(CountConstants.WEBHOOK_EVENT, delivery.event());
            // Absent, not null, when COUNT did not send them.
            if (delivery.occurredAt() != null) {
                message.setHeader(CountConstants.OCCURRED_AT, delivery.occurredAt());
            }
            if (delivery.teamId() != null) {
                message.setHeader(CountConstants.TEAM_ID, delivery.teamId());
            }
            if (delivery.previous() != null) {
                message.setHeader(CountConstants.PREVIOUS_DATA, delivery.previous());
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Routing COUNT's delivery " + deliveryId + " (" + delivery.event()
                                                      + ") failed; answered 500 so that COUNT delivers it again",
                        exchange, exchange.getException());
                return false;
            }
            return !exchange.isRollbackOnly();
        } finally {
            releaseExchange(exchange, false);
        }
    }
}

package io.camelcount.mock.gateway;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The gateway's passes for the requests in flight, held inside the server so that no header a client
 * can send, in any spelling, reaches the workspace or the faults.
 *
 * <p>A pass is keyed by the id of the request's {@link ServeEvent}: WireMock 3.13 creates the serve event
 * before the request filters run and keeps its id in every copy it makes afterwards (the filter's
 * {@code replaceRequest}, stub matching, the response definition transformers, rendering with the
 * response transformers, completion), whereas the {@code Request} object is copied into a new
 * {@code LoggedRequest} on the way. A pass is issued only to a request the gateway lets through and that
 * has something to carry, and is removed when the response is rendered ({@link #collect}) or, for a
 * request that no stub answers, when its serve completes, so that refused, dropped and delayed requests
 * leave nothing behind.
 */
public final class GatewayPasses implements ServeEventListener {

    private static final String NAME = "count-gateway-passes";

    private final ConcurrentMap<UUID, GatewayPass> byServeEvent = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    public void issue(ServeEvent serveEvent, GatewayPass pass) {
        if (!pass.empty()) {
            byServeEvent.put(serveEvent.getId(), pass);
        }
    }

    /** The pass of a request being answered; it stays until the response is rendered. */
    public Optional<GatewayPass> of(ServeEvent serveEvent) {
        return Optional.ofNullable(byServeEvent.get(serveEvent.getId()));
    }

    /** The pass of a request whose response is being rendered, the last step that reads it; removes it. */
    public Optional<GatewayPass> collect(ServeEvent serveEvent) {
        return Optional.ofNullable(byServeEvent.remove(serveEvent.getId()));
    }

    /** Requests that no stub answered are never rendered through the transformers, so their passes go here. */
    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        byServeEvent.remove(serveEvent.getId());
    }

    /** How many passes are held: zero whenever no request is in flight. */
    public int held() {
        return byServeEvent.size();
    }
}

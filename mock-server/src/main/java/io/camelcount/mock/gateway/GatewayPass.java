package io.camelcount.mock.gateway;

import io.camelcount.mock.fault.FaultRule;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the gateway decided about a request it let through, for the extensions that answer it.
 *
 * @param workspace  the workspace the bearer token grants; empty on a route without one (the token
 *                   routes, the OAuth pages)
 * @param afterFault an injected fault that acts on the response once the request has been processed
 */
public record GatewayPass(Optional<UUID> workspace, Optional<FaultRule> afterFault) {

    public GatewayPass {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(afterFault, "afterFault");
    }

    /** A pass that carries nothing is not worth issuing. */
    boolean empty() {
        return workspace.isEmpty() && afterFault.isEmpty();
    }
}

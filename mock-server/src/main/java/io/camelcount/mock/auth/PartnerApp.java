package io.camelcount.mock.auth;

import java.util.Objects;

/** A partner application registered with COUNT: the client ID and the secret its requests are signed with. */
public record PartnerApp(String clientId, String clientSecret) {

    public PartnerApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "PartnerApp[clientId=" + clientId + "]";
    }
}

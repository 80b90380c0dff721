package io.camelcount.mock.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The partner apps the mock knows and the access grants they hold. */
public final class Credentials {

    private final Map<String, PartnerApp> appsByClientId = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> grantsByAccessToken = new ConcurrentHashMap<>();

    public void register(PartnerApp app) {
        appsByClientId.put(app.clientId(), app);
    }

    public void grant(AccessGrant grant) {
        if (!appsByClientId.containsKey(grant.clientId())) {
            throw new IllegalArgumentException("No partner app with client ID " + grant.clientId());
        }
        if (grantsByAccessToken.putIfAbsent(grant.accessToken(), grant) != null) {
            throw new IllegalArgumentException("Access token already granted (" + grant + ")");
        }
    }

    public Optional<PartnerApp> app(String clientId) {
        return Optional.ofNullable(appsByClientId.get(clientId));
    }

    public Optional<AccessGrant> grantForAccessToken(String accessToken) {
        return Optional.ofNullable(grantsByAccessToken.get(accessToken));
    }
}

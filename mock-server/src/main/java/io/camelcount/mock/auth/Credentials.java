package io.camelcount.mock.auth;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The partner apps registered with the mock COUNT, by client ID. */
public final class Credentials {

    private final Map<String, PartnerApp> appsByClientId = new ConcurrentHashMap<>();

    /** Registering the same app twice is harmless; the same client ID with another secret is refused. */
    public void register(PartnerApp app) {
        PartnerApp known = appsByClientId.putIfAbsent(app.clientId(), app);
        if (known != null && !known.equals(app)) {
            throw new IllegalArgumentException("Client ID " + app.clientId() + " is already registered with another secret");
        }
    }

    /** Whether {@link #register} would accept {@code app}. */
    public boolean accepts(PartnerApp app) {
        PartnerApp known = appsByClientId.get(app.clientId());
        return known == null || known.equals(app);
    }

    public Optional<PartnerApp> app(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(appsByClientId.get(clientId));
    }

    public boolean knows(String clientId) {
        return app(clientId).isPresent();
    }

    /** Every registered app, by client ID; with their secrets, for the data directory only. */
    public List<PartnerApp> apps() {
        return appsByClientId.values().stream().sorted(Comparator.comparing(PartnerApp::clientId)).toList();
    }

    public List<String> clientIds() {
        return appsByClientId.keySet().stream().sorted().toList();
    }

    public void clear() {
        appsByClientId.clear();
    }
}

package io.camelcount.component.login;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.CountException;
import io.camelcount.component.auth.FileTokenStore;
import io.camelcount.component.auth.GrantKey;
import io.camelcount.component.auth.GrantedTokens;
import io.camelcount.component.auth.TokenStore;
import io.camelcount.component.http.CountHttpClient;
import io.camelcount.component.http.GrantAccessTokenCall;
import io.camelcount.component.http.RateLimiter;
import io.camelcount.component.json.CountJson;

/**
 * COUNT's OAuth 2.0 authorisation-code flow (contract §1.2) for a partner application: the user's first token pair.
 * <ol>
 *     <li>{@link #start(String)} asks COUNT ({@code GET /auth2/authorize-intiate}) for the consent page of a request
 *     with a fresh random {@code state}; send the user's browser there.</li>
 *     <li>COUNT redirects the browser to the redirect URI with {@code code} and {@code state}, or with {@code error}.
 *     Give that redirect's query parameters to {@link #complete(Map)}: it checks the state, exchanges the code
 *     ({@code POST /partners/grant-access-token}, signed) and saves the pair in the token store under
 *     {@link #grantKey()}, where an endpoint with the same {@code tokenFile} (or {@code tokenStore}) and no tokens
 *     configured finds it.</li>
 * </ol>
 * The {@code login} command does both with a {@link LoopbackCallback}. A route that runs its own callback (on
 * platform-http, say) uses this class as a bean: one route redirects to {@code start(...).consentUrl()}, the callback
 * route calls {@code complete(${headers})}. The states it handed out are kept in memory, so the redirect must come
 * back to the same instance; each is answered once, and forgotten after 15 minutes.
 * <p>
 * Thread-safe. Neither tokens nor codes appear in exceptions, logs or {@code toString()}.
 */
public final class CountAuthorization implements AutoCloseable {

    /** COUNT's codes last minutes; a consent page left open longer than this is stale anyway. */
    static final int PENDING_MINUTES = 15;
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(PENDING_MINUTES);
    private static final String INITIATE_PATH = "/auth2/authorize-intiate";
    private static final String ACCESS_DENIED = "access_denied";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private record Pending(String redirectUri, Instant startedAt) {
    }

    private final String baseUrl;
    private final String clientId;
    private final TokenStore tokenStore;
    private final Clock clock;
    private final CountHttpClient signed;
    private final GrantAccessTokenCall grant;
    /** The start route is a browser's page, neither signed nor limited: COUNT's plain HTTP client is enough. */
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * @param baseUrl    COUNT's base URL, without {@code /partners}, as the component's {@code baseUrl}
     * @param tokenStore where {@link #complete(Map)} saves the pair; {@code null} to only return it
     */
    public CountAuthorization(String baseUrl, String clientId, String clientSecret, TokenStore tokenStore) {
        this(baseUrl, clientId, clientSecret, tokenStore, Clock.systemUTC());
    }

    /** @param clock signs the code exchange; a test's mock COUNT may run on its own time */
    public CountAuthorization(String baseUrl, String clientId, String clientSecret, TokenStore tokenStore, Clock clock) {
        this.baseUrl = GrantKey.baseUrl(requireText(baseUrl, "baseUrl"));
        this.clientId = requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        this.tokenStore = tokenStore;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signed = new CountHttpClient(new CountHttpClient.HttpSettings(CONNECT_TIMEOUT.toMillis(),
                RESPONSE_TIMEOUT.toMillis(), 2, null, null), clock);
        // One exchange per login: the limiter only keeps a burst of logins under COUNT's limit.
        this.grant = new GrantAccessTokenCall(signed, this.baseUrl, this.clientId, clientSecret,
                new RateLimiter(RateLimiter.DEFAULT_LIMIT, RateLimiter.DEFAULT_WINDOW));
    }

    /** Saves into the token file that the component's {@code tokenFile} option names. */
    public static CountAuthorization withTokenFile(String baseUrl, String clientId, String clientSecret, String tokenFile) {
        return new CountAuthorization(baseUrl, clientId, clientSecret, new FileTokenStore(Path.of(tokenFile)));
    }

    /** The key the pair is saved under, {@code clientId@baseUrl#login}: the one an endpoint without tokens reads. */
    public String grantKey() {
        return GrantKey.of(clientId, baseUrl, GrantKey.LOGIN);
    }

    /** Where pairs are saved; {@code null} when they are only returned. */
    public TokenStore tokenStore() {
        return tokenStore;
    }

    /**
     * Starts a login: asks COUNT for the consent page of a request that returns to {@code redirectUri}.
     *
     * @param redirectUri an absolute http(s) URL without query string (COUNT appends {@code code} and {@code state}),
     *                    registered for the client ID where COUNT requires it
     * @throws LoginFailedException if COUNT refuses the request (an unknown client ID, say) or cannot be reached
     */
    public AuthorizationRequest start(String redirectUri) {
        requireRedirectUri(redirectUri);
        forgetStale();
        String state = newState();
        URI initiate = URI.create(baseUrl + INITIATE_PATH + "?clientId=" + encode(clientId) + "&redirectUri="
                                  + encode(redirectUri) + "&state=" + encode(state));
        JsonNode answer = initiate(initiate);
        String consentUrl = answer.path("data").path("redirectUri").asText(null);
        if (consentUrl == null || consentUrl.isBlank()) {
            throw new LoginFailedException("COUNT's answer to " + INITIATE_PATH + " names no consent page (no"
                                           + " data.redirectUri); check that baseUrl " + baseUrl + " is COUNT's API");
        }
        pending.put(state, new Pending(redirectUri, clock.instant()));
        return new AuthorizationRequest(consentUrl, state, redirectUri);
    }

    /**
     * Finishes a login with the query parameters of COUNT's redirect (a route's headers will do): checks the state,
     * exchanges the code and saves the pair in the token store.
     *
     * @throws StateMismatchException  if {@code state} is missing, unknown here, expired or already answered
     * @throws ConsentDeniedException  if the user declined ({@code error=access_denied})
     * @throws CodeRejectedException   if COUNT refused the code: used, expired or another client's
     * @throws LoginFailedException    for another {@code error}, a missing code, or COUNT out of reach
     */
    public GrantedTokens complete(Map<String, ?> redirectQuery) {
        String state = parameter(redirectQuery, "state");
        if (state == null) {
            throw new StateMismatchException("carries no state");
        }
        Pending started = pending.remove(state);
        if (started == null) {
            throw new StateMismatchException("carries a state that no login in progress here handed out (or its"
                                             + " redirect was already answered)");
        }
        if (started.startedAt().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
            throw new StateMismatchException("answers a login started more than " + PENDING_MINUTES + " minutes ago");
        }
        String error = parameter(redirectQuery, "error");
        String description = parameter(redirectQuery, "error_description");
        if (ACCESS_DENIED.equals(error)) {
            throw new ConsentDeniedException(description);
        }
        if (error != null) {
            throw new LoginFailedException("COUNT ended the authorisation with the error " + error
                                           + (description == null ? "" : ": " + description) + ". Start the login again.");
        }
        String code = parameter(redirectQuery, "code");
        if (code == null) {
            throw new LoginFailedException("The redirect from COUNT carries neither a code nor an error; is "
                                           + started.redirectUri() + " the redirect URI COUNT was given? Start the"
                                           + " login again.");
        }
        return exchange(code);
    }

    /**
     * Exchanges a code COUNT appended to the redirect URI, and saves the pair, for a callback that checked the state
     * itself. Sent once: a code is single-use, so a lost answer is not asked for again.
     *
     * @throws CodeRejectedException if COUNT refused the code: used, expired or another client's
     * @throws LoginFailedException  if COUNT could not be reached, or its answer was lost (then the code is likely
     *                               used up: start again)
     */
    public GrantedTokens exchange(String code) {
        requireText(code, "code");
        GrantedTokens granted;
        try {
            granted = grant.exchange(code);
        } catch (IOException e) {
            throw new LoginFailedException(e.getMessage() + ". The code may be used up: start the login again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailedException("Interrupted while exchanging the authorisation code", e);
        }
        if (tokenStore != null) {
            tokenStore.save(grantKey(), granted.tokens());
        }
        return granted;
    }

    @Override
    public void close() {
        signed.close();
    }

    @Override
    public String toString() {
        return "CountAuthorization[" + grantKey() + (tokenStore == null ? "" : " in " + tokenStore) + "]";
    }

    private JsonNode initiate(URI initiate) {
        HttpResponse<byte[]> answer;
        try {
            answer = browser.send(HttpRequest.newBuilder(initiate).timeout(RESPONSE_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LoginFailedException("Could not reach COUNT at " + baseUrl + " to start the login: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailedException("Interrupted while starting the login", e);
        }
        JsonNode body;
        try {
            body = CountJson.parse(answer.body());
        } catch (IOException e) {
            throw new LoginFailedException("COUNT answered " + answer.statusCode() + " to " + INITIATE_PATH
                                           + " with no JSON; check that baseUrl " + baseUrl + " is COUNT's API", e);
        }
        if (answer.statusCode() >= 300) {
            throw new LoginFailedException("COUNT refused to start the login (" + answer.statusCode() + "): "
                                           + body.path("message").asText("no message") + ". Check the client ID and the"
                                           + " redirect URI.");
        }
        return body;
    }

    private void forgetStale() {
        Instant oldest = clock.instant().minus(PENDING_LIFETIME);
        pending.values().removeIf(started -> started.startedAt().isBefore(oldest));
    }

    private String newState() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireRedirectUri(String redirectUri) {
        URI uri;
        try {
            uri = new URI(requireText(redirectUri, "redirectUri"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The redirect URI is not a URL: " + e.getMessage(), e);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The redirect URI " + redirectUri + " must be an absolute http(s) URL"
                                               + " without query string or fragment: COUNT appends code and state");
        }
    }

    /** A redirect parameter as text: a route's header may be any object; blank counts as absent. */
    private static String parameter(Map<String, ?> query, String name) {
        Object value = query.get(name);
        String text = value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.camelcount.component.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.camelcount.component.CountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the OAuth tokens of one grant (a user's authorisation of one client ID at one COUNT): hands out the current
 * access token and refreshes it, safely for rotating refresh tokens. Thread-safe; create one per grant and share it.
 * It keeps no HTTP client: each caller passes the {@link TokenRefresher} of its own connection, so a manager shared by
 * several Camel contexts never refreshes through the client of one that stopped.
 *
 * <h2>Where the tokens come from</h2>
 * The {@link TokenStore} is the source of truth. The pair from the configuration ({@code initialPair}) is used only
 * while the store holds nothing under the grant's key: COUNT's refresh tokens rotate, so after the first refresh the
 * configured pair is used up and the store's pair is the newer one. (A user who authorises the application again
 * must therefore put the new pair into the store, or remove the store's entry and restart so that the configured
 * pair is used.)
 * The store is read lazily, on the first call, and again under its lock before every refresh.
 *
 * <h2>Refreshing</h2>
 * <ul>
 *     <li>{@link #accessToken(TokenRefresher)} refreshes first when the access token's expiry is known and less than the refresh
 *     margin away. If a freshly issued token lives shorter than the margin, it is refreshed after half its
 *     lifetime instead, so that short-lived tokens do not cause a refresh on every call.</li>
 *     <li>{@link #refreshAfterRejection(String, TokenRefresher)} refreshes after COUNT answered 401 "token expired", unless another
 *     thread already replaced the rejected token.</li>
 *     <li><b>Single-flight:</b> within this manager at most one refresh runs at a time, and threads that waited for it
 *     use its result instead of refreshing again.</li>
 *     <li><b>Across managers and processes:</b> a refresh runs under {@link TokenStore#lock(String)}. Under that lock
 *     the manager first re-loads the store; if it holds a different pair (another process refreshed), the manager
 *     adopts that pair and refreshes only if that pair needs it too.</li>
 *     <li><b>Persist before use:</b> the new pair is {@linkplain TokenStore#save saved} before it becomes current. If
 *     saving fails, a {@link TokenStoreException} is thrown and the new pair is not used; the manager keeps it in
 *     memory only, and the next refresh attempt tries to save it again (without calling COUNT) before using it.</li>
 *     <li>When COUNT rejects the refresh token (403), a {@link ReauthorizationRequiredException} (a
 *     {@link io.camelcount.component.CountAuthorizationException}) is thrown. The rejected refresh token is not
 *     sent again by this manager; it recovers as soon as the store holds a new pair.</li>
 * </ul>
 * Tokens never appear in exceptions or logs. Refreshes are logged at INFO, without the tokens.
 */
public final class TokenManager implements AccessTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final String grantKey;
    private final TokenStore store;
    private final TokenPair initialPair;
    private final Clock clock;
    private final Duration refreshMargin;

    /** Taken for loading and refreshing: makes refreshes single-flight within this manager. */
    private final ReentrantLock mutex = new ReentrantLock(true);
    /** The pair in use and when to refresh it proactively; {@code null} until first use. */
    private volatile Current current;
    /** A pair COUNT issued that could not be saved yet (guarded by mutex). */
    private TokenPair unsaved;
    /** The refresh token COUNT last rejected, or {@code null}; set under mutex, read by {@link #tokenState()} too. */
    private volatile Rejection rejected;

    /**
     * @param grantKey      the key the store keeps this grant's pair under, such as the component's
     *                      {@code clientId@baseUrl#fingerprint} (see {@link TokenStore})
     * @param store         where token pairs are kept; the source of truth
     * @param initialPair   the pair from the configuration, used only while the store holds nothing under the key (the
     *                      store's pair is newer, since tokens rotate); may be {@code null} if the store is expected to
     *                      hold the pair
     * @param clock         the time used for expiry decisions
     * @param refreshMargin how long before a known expiry the access token is refreshed proactively, e.g. 60 s; zero
     *                      means "at the expiry instant"
     */
    public TokenManager(String grantKey, TokenStore store, TokenPair initialPair, Clock clock, Duration refreshMargin) {
        this.grantKey = Objects.requireNonNull(grantKey, "grantKey");
        this.store = Objects.requireNonNull(store, "store");
        this.initialPair = initialPair;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("The refresh margin must not be negative: " + refreshMargin);
        }
    }

    /**
     * The access token to send now. Refreshes first (single-flight) if its expiry is known and within the refresh
     * margin, or if there is no access token yet.
     *
     * @param refresher calls COUNT to refresh, through the caller's connection
     * @throws ReauthorizationRequiredException if COUNT rejected the refresh token: the user must authorise again
     * @throws TokenStoreException              if the store cannot be read, or a new pair could not be stored
     * @throws CountException                   if there are no tokens at all, COUNT could not be reached for a
     *                                          refresh, or the thread was interrupted while waiting for a refresh;
     *                                          and any unchecked exception the refresher throws
     */
    @Override
    public String accessToken(TokenRefresher refresher) {
        Current now = current();
        if (!needsProactiveRefresh(now)) {
            return now.pair.accessToken();
        }
        return refresh(now, this::needsProactiveRefresh, refresher).pair.accessToken();
    }

    /**
     * Called when COUNT answered 401 "token expired" to a request sent with {@code rejectedAccessToken}. If the
     * current access token is already a different one (another thread or process refreshed meanwhile), returns it
     * without refreshing; otherwise refreshes (single-flight) and returns the new one. Retry the request once with
     * the answer.
     *
     * @param refresher calls COUNT to refresh, through the caller's connection
     * @throws ReauthorizationRequiredException if COUNT rejected the refresh token: the user must authorise again
     * @throws TokenStoreException              if the store cannot be read, or a new pair could not be stored
     * @throws CountException                   as for {@link #accessToken(TokenRefresher)}
     */
    @Override
    public String refreshAfterRejection(String rejectedAccessToken, TokenRefresher refresher) {
        Objects.requireNonNull(rejectedAccessToken, "rejectedAccessToken");
        Current now = current();
        if (now.pair.accessToken() == null) {
            return accessToken(refresher); // nothing was handed out yet: get the first access token
        }
        if (!Objects.equals(now.pair.accessToken(), rejectedAccessToken)) {
            return now.pair.accessToken();
        }
        return refresh(now, c -> Objects.equals(c.pair.accessToken(), rejectedAccessToken), refresher).pair.accessToken();
    }

    /**
     * The state of the tokens from what this manager holds: never loads the store and never calls COUNT, so a health
     * check may ask as often as it likes. {@link TokenState.Status#REAUTHORIZATION_REQUIRED} once COUNT rejected the
     * refresh token in use, until a new pair replaces it.
     */
    @Override
    public TokenState tokenState() {
        Current c = current;
        if (c == null) {
            return TokenState.notLoaded();
        }
        Rejection lost = rejected;
        TokenPair pair = c.pair;
        if (lost != null && pair.refreshToken().equals(lost.refreshToken())) {
            String fix = new ReauthorizationRequiredException(grantKey, lost.refusal(), pair.refreshTokenExpiresAt(), true)
                    .getMessage();
            return new TokenState(TokenState.Status.REAUTHORIZATION_REQUIRED, true, pair.accessTokenExpiresAt(),
                    pair.refreshTokenExpiresAt(), c.refreshAt, fix);
        }
        return new TokenState(needsProactiveRefresh(c) ? TokenState.Status.EXPIRING : TokenState.Status.VALID, true,
                pair.accessTokenExpiresAt(), pair.refreshTokenExpiresAt(), c.refreshAt, null);
    }

    /** The pair in use (loading it on first use), for diagnostics; its {@code toString()} hides the tokens. */
    public TokenPair currentPair() {
        return current().pair;
    }

    @Override
    public String toString() {
        return "TokenManager[" + grantKey + ", " + (current == null ? "not loaded" : current.pair) + "]";
    }

    // ---------------------------------------------------------------------------------------------- internals

    private record Current(TokenPair pair, Instant refreshAt) {
    }

    private record Rejection(String refreshToken, RefreshTokenRejectedException refusal) {
    }

    private boolean needsProactiveRefresh(Current c) {
        return c.pair.accessToken() == null || (c.refreshAt != null && !clock.instant().isBefore(c.refreshAt));
    }

    /** A pair from the store or the configuration: refresh at expiry minus margin. */
    private Current loaded(TokenPair pair) {
        Instant expiry = pair.accessTokenExpiresAt();
        return new Current(pair, expiry == null ? null : expiry.minus(refreshMargin));
    }

    /** A pair issued just now: as {@link #loaded}, but a token living shorter than the margin lives half its life. */
    private Current issued(TokenPair pair) {
        Instant expiry = pair.accessTokenExpiresAt();
        if (expiry == null) {
            return new Current(pair, null);
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, expiry);
        if (lifetime.compareTo(refreshMargin) > 0) {
            return new Current(pair, expiry.minus(refreshMargin));
        }
        LOG.warn("COUNT issued an access token for {} that expires in {}, less than the refresh margin of {}; it will be"
                + " refreshed after half its lifetime", grantKey, lifetime, refreshMargin);
        return new Current(pair, lifetime.isNegative() ? now : now.plus(lifetime.dividedBy(2)));
    }

    private Current current() {
        Current c = current;
        if (c != null) {
            return c;
        }
        lockMutex();
        try {
            if (current == null) {
                Optional<TokenPair> stored = store.load(grantKey);
                if (stored.isPresent()) {
                    current = loaded(stored.get());
                } else if (initialPair != null) {
                    current = loaded(initialPair);
                } else {
                    throw new CountException("There are no COUNT tokens for " + grantKey + ": the token store " + store
                            + " holds none and none are configured. Authorise the application with camel-count's login"
                            + " command (java -jar camel-count-<version>-login.jar), which writes them to the token"
                            + " file, or configure the access and refresh token.");
                }
            }
            return current;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Single-flight refresh of {@code seen}, the state the caller found wanting. {@code needed} tells whether a state
     * still needs refreshing; it is asked again whenever the state may have changed.
     */
    private Current refresh(Current seen, Predicate<Current> needed, TokenRefresher refresher) {
        lockMutex();
        try {
            Current known = current;
            if (known != seen && !needed.test(known)) {
                return known; // another thread refreshed while this one waited
            }
            try (TokenStore.Lock ignored = store.lock(grantKey)) {
                if (unsaved != null) {
                    // COUNT issued this pair to us, but saving it failed: the refresh token we had is used up
                    TokenPair pair = unsaved;
                    persist(pair);
                    unsaved = null;
                    current = issued(pair);
                    LOG.info("Stored the COUNT token pair for {} that could not be stored before, and now use it: {}",
                            grantKey, pair);
                    return current;
                }
                Optional<TokenPair> stored = store.load(grantKey);
                if (stored.isPresent() && !stored.get().sameTokensAs(known.pair)) {
                    known = loaded(stored.get());
                    current = known;
                    LOG.info("Adopted the COUNT tokens for {} that another process or manager refreshed: {}", grantKey,
                            known.pair);
                    if (!needed.test(known)) {
                        return known;
                    }
                }
                TokenPair base = known.pair;
                Rejection lost = rejected;
                if (lost != null && base.refreshToken().equals(lost.refreshToken())) {
                    throw new ReauthorizationRequiredException(grantKey, lost.refusal(), base.refreshTokenExpiresAt(), true);
                }
                TokenPair fresh = callRefresher(base, refresher);
                unsaved = fresh;
                persist(fresh);
                unsaved = null;
                current = issued(fresh);
                if (fresh.accessToken() == null) {
                    throw new CountException("COUNT answered the token refresh for " + grantKey + " without an access"
                            + " token; the new refresh token was stored and the next call refreshes again");
                }
                LOG.info("Refreshed the COUNT access token for {}: {}", grantKey, fresh);
                return current;
            }
        } finally {
            mutex.unlock();
        }
    }

    private TokenPair callRefresher(TokenPair base, TokenRefresher refresher) {
        TokenPair fresh;
        try {
            fresh = refresher.refresh(base.refreshToken());
        } catch (RefreshTokenRejectedException e) {
            rejected = new Rejection(base.refreshToken(), e);
            LOG.warn("COUNT rejected the refresh token for {} (HTTP {}); the user must authorise the application again",
                    grantKey, e.getRefusal().getStatusCode());
            throw new ReauthorizationRequiredException(grantKey, e, base.refreshTokenExpiresAt(), false);
        } catch (IOException e) {
            throw new CountException("Could not refresh the COUNT access token for " + grantKey + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CountException("Interrupted while refreshing the COUNT access token for " + grantKey, e);
        }
        if (fresh == null) {
            throw new CountException("The token refresher for " + grantKey + " returned no token pair");
        }
        return fresh;
    }

    /** Saves a pair COUNT issued; if that fails, it stays in {@link #unsaved} and is not used. */
    private void persist(TokenPair pair) {
        try {
            store.save(grantKey, pair);
        } catch (RuntimeException e) {
            throw new TokenStoreException("COUNT issued a new token pair for " + grantKey + ", but the new refresh"
                    + " token could not be stored in " + store + ": " + e.getMessage() + ". The new pair is not used,"
                    + " and the previous refresh token is used up. Fix the token store: the next call tries again to"
                    + " store the new pair (kept in memory only until then) before using it. If this process stops"
                    + " first, the user must authorise the application again.", e);
        }
    }

    private void lockMutex() {
        try {
            mutex.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CountException("Interrupted while waiting for the COUNT access token of " + grantKey, e);
        }
    }
}

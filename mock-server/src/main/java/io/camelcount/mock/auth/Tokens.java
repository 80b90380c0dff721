package io.camelcount.mock.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every access token, refresh token and authorization code the mock COUNT has issued, and the OAuth
 * rules that govern them (contract §1.2).
 *
 * <p>Codes are one-time. Refresh tokens rotate: a refresh hands out a new pair and the old refresh
 * token stops working at once. Each token is consumed with one atomic conditional remove, so of two
 * requests racing with the same refresh token exactly one wins. The access token issued with the old
 * refresh token keeps working until it expires, because a client usually has requests in flight with
 * it when it refreshes; a seeded access token, which has no expiry of its own, gets one access-token
 * lifetime from the moment its refresh token is used.
 */
public final class Tokens {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** A refresh token, and the access token it was issued with (which a rotation puts on a clock). */
    private record RefreshGrant(WorkspaceAccess access, String pairedAccessToken) {
    }

    /**
     * Every change takes the read lock, so that changes still run side by side (each stays atomic on its own maps);
     * {@link #state()} takes the write lock, so that it never reads a rotation half done (the old refresh token gone,
     * the new pair not yet there).
     */
    private final ReadWriteLock changing = new ReentrantReadWriteLock();
    /** Counts the calls that may have changed the tokens, so that a data directory knows when to save them. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * Counts the codes issued, apart: the consent page that issues them needs no credentials, so a data directory
     * saves them with the background writer rather than before each answer (a lost code costs one more consent).
     */
    private final AtomicLong codesIssued = new AtomicLong();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final TokenLifetimes lifetimes;
    private final Map<String, WorkspaceAccess> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, WorkspaceAccess> authorizationCodes = new ConcurrentHashMap<>();
    /** The workspace a client was first seeded with: the one the mock's consent page picks for it. */
    private final Map<String, UUID> consentWorkspaces = new ConcurrentHashMap<>();

    public Tokens(Clock clock, TokenLifetimes lifetimes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
    }

    /** Installs a seeded token pair; seeded tokens do not expire until rotated or expired through the admin API. */
    public void grant(AccessGrant seed) {
        changing(() -> {
            if (isTaken(seed.accessToken()) || isTaken(seed.refreshToken())) {
                throw new IllegalArgumentException("A token of " + seed + " is already in use");
            }
            WorkspaceAccess access = new WorkspaceAccess(seed.clientId(), seed.workspaceUuid(), null);
            accessTokens.put(seed.accessToken(), access);
            refreshTokens.put(seed.refreshToken(), new RefreshGrant(access, seed.accessToken()));
            consentWorkspaces.putIfAbsent(seed.clientId(), seed.workspaceUuid());
            return null;
        });
    }

    /** Whether {@code token} is already an access or refresh token. */
    public boolean isTaken(String token) {
        return accessTokens.containsKey(token) || refreshTokens.containsKey(token);
    }

    public Optional<UUID> consentWorkspace(String clientId) {
        return Optional.ofNullable(consentWorkspaces.get(clientId));
    }

    /** What the user's consent produces: a one-time code for {@code clientId} to exchange for tokens. */
    public String issueAuthorizationCode(String clientId, UUID workspaceUuid) {
        return changing(codesIssued, () -> {
            String code = newSecret("code");
            authorizationCodes.put(code, new WorkspaceAccess(clientId, workspaceUuid, now().plus(CODE_LIFETIME)));
            return code;
        });
    }

    /** @throws TokenRefusal {@code invalid_grant} when the code is unknown, used, expired or another client's */
    public IssuedTokens exchangeCode(String clientId, String code) {
        return changing(() -> {
            WorkspaceAccess granted = authorizationCodes.remove(code);
            if (granted == null || !granted.clientId().equals(clientId) || granted.expiredAt(now())) {
                throw TokenRefusal.invalidCode();
            }
            return issue(clientId, granted.workspaceUuid());
        });
    }

    /** @throws TokenRefusal {@code invalid_refresh_token} when the token is unknown, used, expired or another client's */
    public IssuedTokens refresh(String clientId, String refreshToken) {
        return changing(() -> {
            RefreshGrant grant = refreshTokens.get(refreshToken);
            if (grant == null || !grant.access().clientId().equals(clientId)) {
                throw TokenRefusal.invalidRefreshToken();
            }
            Instant now = now();
            // Only the request that removes the token may rotate it: a concurrent refresh finds it gone.
            if (!refreshTokens.remove(refreshToken, grant) || grant.access().expiredAt(now)) {
                throw TokenRefusal.invalidRefreshToken();
            }
            accessTokens.computeIfPresent(grant.pairedAccessToken(),
                    (token, access) -> access.expiringBy(now.plus(lifetimes.accessToken())));
            return issue(clientId, grant.access().workspaceUuid());
        });
    }

    /** The access behind a bearer token, expired or not; empty when the token was never issued. */
    public Optional<WorkspaceAccess> access(String accessToken) {
        return Optional.ofNullable(accessTokens.get(accessToken));
    }

    /**
     * Makes matching access tokens expire now, so that the next call with them answers
     * {@code token_expired}; a null filter matches everything.
     *
     * @return how many tokens were valid and now are expired
     */
    public int expireAccessTokens(String clientId, UUID workspaceUuid) {
        return changing(() -> {
            Instant now = now();
            int expired = 0;
            for (Map.Entry<String, WorkspaceAccess> token : accessTokens.entrySet()) {
                WorkspaceAccess access = token.getValue();
                boolean matches = (clientId == null || clientId.equals(access.clientId()))
                        && (workspaceUuid == null || workspaceUuid.equals(access.workspaceUuid()));
                if (matches && !access.expiredAt(now) && accessTokens.replace(token.getKey(), access, access.expiringBy(now))) {
                    expired++;
                }
            }
            return expired;
        });
    }

    public void clear() {
        changing(() -> {
            accessTokens.clear();
            refreshTokens.clear();
            authorizationCodes.clear();
            consentWorkspaces.clear();
            return null;
        });
    }

    /** Every token and code, as one consistent reading. */
    public TokenState state() {
        changing.writeLock().lock();
        try {
            return new TokenState(accessTokens, refreshTokens.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, grant -> new TokenState.RefreshToken(grant.getValue().access(),
                            grant.getValue().pairedAccessToken()))), authorizationCodes, consentWorkspaces);
        } finally {
            changing.writeLock().unlock();
        }
    }

    /** Replaces every token and code with {@code state}'s. */
    public void restore(TokenState state) {
        changing(() -> {
            clear();
            accessTokens.putAll(state.accessTokens());
            state.refreshTokens().forEach((token, grant) ->
                    refreshTokens.put(token, new RefreshGrant(grant.access(), grant.pairedAccessToken())));
            authorizationCodes.putAll(state.authorizationCodes());
            consentWorkspaces.putAll(state.consentWorkspaces());
            return null;
        });
    }

    /**
     * How many calls may have changed the tokens so far (a count that only grows): when it has not moved, there is
     * nothing new to save.
     */
    public long changes() {
        return changes.get();
    }

    /** How many authorisation codes were issued so far; not counted in {@link #changes()}. */
    public long codesIssued() {
        return codesIssued.get();
    }

    private <T> T changing(Supplier<T> change) {
        return changing(changes, change);
    }

    private <T> T changing(AtomicLong counter, Supplier<T> change) {
        changing.readLock().lock();
        try {
            counter.incrementAndGet();
            return change.get();
        } finally {
            changing.readLock().unlock();
        }
    }

    private IssuedTokens issue(String clientId, UUID workspaceUuid) {
        Instant now = now();
        String accessToken = newSecret("at");
        String refreshToken = newSecret("rt");
        WorkspaceAccess access = new WorkspaceAccess(clientId, workspaceUuid, now.plus(lifetimes.accessToken()));
        WorkspaceAccess refresh = new WorkspaceAccess(clientId, workspaceUuid, now.plus(lifetimes.refreshToken()));
        accessTokens.put(accessToken, access);
        refreshTokens.put(refreshToken, new RefreshGrant(refresh, accessToken));
        return new IssuedTokens(accessToken, refreshToken, access.expiresAt(), refresh.expiresAt(), workspaceUuid);
    }

    private String newSecret(String kind) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "count_" + kind + "_" + HexFormat.of().formatHex(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

package io.camelcount.component.auth;

/**
 * The key a {@link TokenStore} keeps a grant's tokens under, {@code clientId@baseUrl#name} (see {@link TokenStore}).
 * Token stores have always spelled it so: another spelling would lose the stored tokens.
 */
public final class GrantKey {

    /**
     * The name of the grant that {@code login} (and {@code CountAuthorization}) stores, and that an endpoint configured
     * with a token store but without tokens uses. Logging in again replaces its tokens.
     */
    public static final String LOGIN = "login";

    private GrantKey() {
    }

    /**
     * @param baseUrl   COUNT's base URL as configured, without a trailing slash
     * @param grantName {@link #LOGIN}, or the fingerprint of the grant's configured refresh token
     */
    public static String of(String clientId, String baseUrl, String grantName) {
        return clientId + "@" + baseUrl + "#" + grantName;
    }

    /** The base URL as calls and keys spell it: without a trailing slash. */
    public static String baseUrl(String configured) {
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
}

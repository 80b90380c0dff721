package io.camelcount.component.login;

/**
 * A login started by {@link CountAuthorization#start(String)}: where to send the user, and what COUNT's redirect must
 * carry back.
 *
 * @param consentUrl  COUNT's login and consent page for this request; open it in the user's browser
 * @param state       the random value COUNT returns on the redirect (not a secret: it only ties the redirect to this
 *                    request)
 * @param redirectUri where COUNT sends the browser back with {@code code} and {@code state}
 */
public record AuthorizationRequest(String consentUrl, String state, String redirectUri) {
}

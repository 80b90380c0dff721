package io.camelcount.component.http;

/**
 * What signs and authorises one call: the partner application's client ID and secret and the user's
 * access token.
 */
public record CountCredentials(String clientId, String clientSecret, String accessToken) {

    /** Never prints the secret or the token. */
    @Override
    public String toString() {
        return "CountCredentials[clientId=" + clientId + ", clientSecret=******, accessToken=******]";
    }
}

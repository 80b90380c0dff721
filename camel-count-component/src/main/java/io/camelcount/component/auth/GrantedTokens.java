package io.camelcount.component.auth;

/**
 * What COUNT answers to a token route: the token pair and the one workspace the user authorised. Its
 * {@code toString()} hides the tokens, as {@link TokenPair}'s does.
 *
 * @param workspaceId   the authorised workspace's UUID; {@code null} when COUNT did not say
 * @param workspaceName its name; {@code null} when COUNT did not say
 */
public record GrantedTokens(TokenPair tokens, String workspaceId, String workspaceName) {
}

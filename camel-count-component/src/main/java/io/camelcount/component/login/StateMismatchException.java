package io.camelcount.component.login;

/**
 * A redirect whose {@code state} is not one this {@link CountAuthorization} handed out, or was already answered:
 * it answers another login (an older browser tab, another application) or was forged (OAuth's CSRF defence, RFC 6749
 * §10.12). Its code is not exchanged.
 */
public final class StateMismatchException extends LoginFailedException {

    public StateMismatchException(String problem) {
        super("The redirect from COUNT " + problem + ", so it is not the answer to a login started here and its code was"
                + " not used. Start the login again, and finish it in the browser tab it opens.");
    }
}

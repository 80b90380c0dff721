package io.camelcount.component.login;

/** The user declined on COUNT's consent page: COUNT redirected back with {@code error=access_denied}. */
public final class ConsentDeniedException extends LoginFailedException {

    public ConsentDeniedException(String description) {
        super("The user declined the authorisation on COUNT's consent page" + (description == null ? "" : " ("
                + description + ")") + ". No tokens were issued. Start the login again and allow the application"
                + " access to the workspace.");
    }
}

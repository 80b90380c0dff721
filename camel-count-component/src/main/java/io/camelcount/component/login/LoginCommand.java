package io.camelcount.component.login;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.camelcount.component.auth.FileTokenStore;
import io.camelcount.component.auth.GrantedTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code login}: a user's first tokens, from nothing to a token file, in one command. Starts the authorisation-code
 * flow, prints COUNT's consent page (and opens it where the platform can), takes COUNT's redirect on a loopback
 * callback, exchanges the code and writes the pair to the token file that the component's {@code tokenFile} reads.
 * Prints where; never the tokens, nor the client secret.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
         description = {"Authorises this application at COUNT for one user and workspace (OAuth authorisation code"
                        + " flow), and writes the user's tokens to the token file the count: component reads"
                        + " (its tokenFile option)."},
         footer = {"", "Options fall back on the environment variables in brackets. Logging in again replaces the"
                       + " tokens in the file."})
final class LoginCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--base-url", defaultValue = "${env:COUNT_BASE_URL:-https://api.getcount.com}",
            description = "COUNT's base URL, without /partners [COUNT_BASE_URL]; default: ${DEFAULT-VALUE}")
    private String baseUrl;

    @Option(names = "--client-id", defaultValue = "${env:COUNT_CLIENT_ID}",
            description = "The partner application's client ID [COUNT_CLIENT_ID]")
    private String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:COUNT_CLIENT_SECRET}",
            description = "The partner application's client secret [COUNT_CLIENT_SECRET]; prefer the variable, which"
                          + " stays out of the shell history")
    private String clientSecret;

    @Option(names = "--token-file", defaultValue = "${env:COUNT_TOKEN_FILE:-count-tokens.json}",
            description = "The token file to write [COUNT_TOKEN_FILE]; default: ${DEFAULT-VALUE}")
    private Path tokenFile;

    @Option(names = "--port", defaultValue = "0",
            description = "The loopback callback's port on 127.0.0.1; 0 (the default) for any free one. Give the one"
                          + " registered with COUNT if your application's redirect URIs are registered.")
    private int port;

    @Option(names = "--timeout", defaultValue = "300",
            description = "How many seconds to wait for the consent; default: ${DEFAULT-VALUE}")
    private long timeoutSeconds;

    @Option(names = "--no-browser", description = "Only print the consent page's address; do not open a browser")
    private boolean noBrowser;

    @Override
    public Integer call() throws IOException, InterruptedException {
        require(clientId, "--client-id", "COUNT_CLIENT_ID");
        require(clientSecret, "--client-secret", "COUNT_CLIENT_SECRET");
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        FileTokenStore store = new FileTokenStore(tokenFile);
        try (CountAuthorization authorization = new CountAuthorization(baseUrl, clientId, clientSecret, store);
             LoopbackCallback<GrantedTokens> callback = LoopbackCallback.open(port, authorization::complete)) {
            AuthorizationRequest request = authorization.start(callback.redirectUri());
            out.println("Open this page to authorise " + clientId + " at COUNT:");
            out.println();
            out.println("    " + request.consentUrl());
            out.println();
            out.println("Waiting up to " + timeoutSeconds + " s for COUNT's redirect to " + callback.redirectUri() + " ...");
            out.flush();
            openBrowser(request.consentUrl());
            GrantedTokens granted = callback.await(Duration.ofSeconds(timeoutSeconds));
            out.println("Authorised for the workspace " + describe(granted) + ".");
            out.println("The tokens are in " + store.file() + " under " + authorization.grantKey() + ".");
            out.println("Give the component that file and no tokens, for example:");
            out.println("    camel.component.count.token-file = " + store.file());
            out.flush();
            return 0;
        }
    }

    private void require(String value, String option, String variable) {
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing " + option + " (or the environment variable "
                                                             + variable + ")");
        }
    }

    /** Best effort: a headless machine, or one without a browser, has the address printed above. */
    private void openBrowser(String url) {
        if (noBrowser || !Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            return;
        }
        try {
            Desktop.getDesktop().browse(URI.create(url));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            spec.commandLine().getErr().println("Could not open a browser (" + e.getMessage() + "); open the page above.");
        }
    }

    private static String describe(GrantedTokens granted) {
        if (granted.workspaceName() == null) {
            return granted.workspaceId() == null ? "the user chose" : granted.workspaceId();
        }
        return "\"" + granted.workspaceName() + "\"" + (granted.workspaceId() == null ? "" : " (" + granted.workspaceId() + ")");
    }
}

package io.camelcount.component.login;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The redirect URI of a login on the user's own machine: an HTTP server on {@code 127.0.0.1} that takes COUNT's
 * redirect ({@code GET /callback?code=…&state=…}) once, hands its query parameters to the login, answers the browser
 * with a short page saying how it went, and is done. Other paths (a browser's {@code /favicon.ico}) get a 404 and do
 * not count. Only this machine can reach it, so the code never crosses a network.
 *
 * @param <T> what the login makes of the redirect
 */
public final class LoopbackCallback<T> implements AutoCloseable {

    public static final String PATH = "/callback";

    private final HttpServer server;
    private final Function<Map<String, String>, T> login;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final CompletableFuture<T> outcome = new CompletableFuture<>();

    private LoopbackCallback(HttpServer server, Function<Map<String, String>, T> login) {
        this.server = server;
        this.login = login;
    }

    /**
     * Listens on {@code 127.0.0.1:port}.
     *
     * @param port  0 for any free port; a fixed one when COUNT only accepts a registered redirect URI
     * @param login what to do with the redirect's query parameters, on the server's thread, before the browser is
     *              answered: its exception (with its message) is what the browser and {@link #await} report
     * @throws IOException if the port cannot be bound (in use, or not allowed)
     */
    public static <T> LoopbackCallback<T> open(int port, Function<Map<String, String>, T> login) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        LoopbackCallback<T> callback = new LoopbackCallback<>(server, login);
        server.createContext("/", callback::handle);
        server.start();
        return callback;
    }

    /** What to give COUNT as the redirect URI: {@code http://127.0.0.1:<port>/callback}. */
    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /**
     * Waits for the redirect and returns what the login made of it.
     *
     * @throws LoginFailedException (or its subclass) the login threw, or if no redirect came within {@code timeout}
     */
    public T await(Duration timeout) throws InterruptedException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LoginFailedException("No redirect from COUNT reached " + redirectUri() + " within " + timeout.toSeconds()
                                           + " s: the consent page was not finished in time. Start the login again"
                                           + " (and allow more time if needed).");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new LoginFailedException("The login failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops listening at once. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath()) || !"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "Not found", "This address only takes COUNT's redirect, on " + PATH + ".");
                return;
            }
            if (!answered.compareAndSet(false, true)) {
                respond(exchange, 409, "Already answered", "This login already took COUNT's redirect.");
                return;
            }
            try {
                T result = login.apply(query(exchange.getRequestURI().getRawQuery()));
                respond(exchange, 200, "Authorised", "camel-count has the tokens. You can close this tab.");
                outcome.complete(result);
            } catch (RuntimeException failure) {
                respond(exchange, 400, "Not authorised", failure.getMessage());
                outcome.completeExceptionally(failure);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>camel-count: " + title
                       + "</title></head><body><h1>" + title + "</h1><p>" + escape(text) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(page);
        }
    }

    /** The first value of each parameter: a repeated {@code state} must not replace the one COUNT sent first. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

package io.camelcount.mock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A partner's webhook endpoint in a test: a JDK HTTP server on loopback that keeps every request it gets, with the
 * exact body bytes, and answers 200 unless told otherwise.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A request as received; header names in lower case. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * How to answer one request: a status, a Location for a redirect, and latches to hold the answer back until the
     * test releases it (null for none).
     */
    record Answer(int status, String location, CountDownLatch arrived, CountDownLatch release) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** E.g. {@code http://127.0.0.1:<port>/hook}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these answers, in order; after them, 200. */
    synchronized WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            answers.add(new Answer(status, null, null, null));
        }
        return this;
    }

    synchronized WebhookReceiver redirectTo(String path) {
        answers.add(new Answer(302, url(path), null, null));
        return this;
    }

    /** The next request is answered 200 only once {@code release} counts down; {@code arrived} says it came. */
    synchronized WebhookReceiver hold(CountDownLatch arrived, CountDownLatch release) {
        answers.add(new Answer(200, null, arrived, release));
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The {@code X-Webhook-Event} of every request, in arrival order. */
    synchronized List<String> events() {
        return received.stream().map(request -> request.header("X-Webhook-Event")).toList();
    }

    synchronized void forget() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Answer answer;
        synchronized (this) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            answer = answers.isEmpty() ? new Answer(200, null, null, null) : answers.poll();
        }
        if (answer.release() != null) {
            answer.arrived().countDown();
            try {
                answer.release().await(10, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

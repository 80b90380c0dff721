package io.camelcount.features.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's side: what the customer's browser does with an invoice's public link (no credentials):
 * open the page, read what it shows, press Pay.
 */
public class CustomerBrowser {

    private static final Pattern PAY_FORM = Pattern.compile("<form id=\"pay\" method=\"post\" action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private URI page;
    private String html;

    public void open(String url) {
        page = URI.create(url);
        html = send(HttpRequest.newBuilder(page).GET().build());
    }

    /** The text of the page element with this id ({@code status}, {@code balance-due}, ...). */
    public String shown(String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(page());
        if (!matcher.find()) {
            throw new AssertionError("The customer's page shows no '" + id + "':\n" + html);
        }
        return matcher.group(1).trim();
    }

    public boolean has(String id) {
        return page().contains("id=\"" + id + "\"");
    }

    /** Presses the page's Pay button: the form's POST, then the page it leads back to. */
    public void pay() {
        Matcher form = PAY_FORM.matcher(page());
        if (!form.find()) {
            throw new AssertionError("The customer's page has no Pay button:\n" + html);
        }
        html = send(HttpRequest.newBuilder(page.resolve(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private String page() {
        if (html == null) {
            throw new IllegalStateException("The customer has not opened the invoice's public link yet");
        }
        return html;
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("The customer's page answered " + response.statusCode() + ":\n" + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("The customer's page is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.camelcount.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Plain WireMock answering the mock's own bytes from static stubs: no signature or token check, no state. Its
 * server settings are the mock's (one acceptor, a request journal of 1000, no request logging), so the two differ
 * only in what the mock does per request.
 */
final class StaticCount implements AutoCloseable {

    private final WireMockServer wireMock;

    StaticCount(MockAnswers answers) {
        wireMock = new WireMockServer(WireMockConfiguration.options()
                .port(0)
                .jettyAcceptors(1)
                .notifier(new Slf4jNotifier(false))
                .maxRequestJournalEntries(1000)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(4));
        wireMock.start();
        wireMock.stubFor(get(urlPathEqualTo(answers.invoicePath()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(answers.getAnswer())));
        wireMock.stubFor(post(urlPathEqualTo(MockAnswers.INVOICES))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(answers.createAnswer())));
    }

    String baseUrl() {
        return "http://localhost:" + wireMock.port();
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}

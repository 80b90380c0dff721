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
 * server settings are the mock's as it runs by default, embedded or standalone (one acceptor, no request journal,
 * no request logging, and no per-request log message built), so the two differ only in what the mock does per request. (Until issue 19 this stub kept a
 * journal of 1,000 requests, which the mock no longer keeps by default: trimming it took half the stub's time.)
 */
final class StaticCount implements AutoCloseable {

    private final WireMockServer wireMock;

    StaticCount(MockAnswers answers) {
        wireMock = new WireMockServer(WireMockConfiguration.options()
                .port(0)
                .jettyAcceptors(1)
                .notifier(new Slf4jNotifier(false))
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
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

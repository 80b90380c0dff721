package io.camelcount.mock;

import io.camelcount.mock.domain.MockClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** WireMock's request journal keeps bodies and bearer tokens, so it is off unless a test asks for it. */
class RequestJournalTest {

    private static final MockClock CLOCK = MockClock.fixed(Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void offByDefaultItsRoutesAreNotFoundRatherThanFailures() {
        try (CountMockServer server = CountMockServer.builder().port(0).clock(CLOCK).start()) {
            new PartnerClient(server).get("/partners/invoices");
            for (String read : new String[] {"GET /__admin/requests", "GET /__admin/requests/unmatched",
                    "POST /__admin/requests/count", "POST /__admin/requests/find", "GET /__admin/requests/unmatched/near-misses"}) {
                String[] call = read.split(" ");
                RawHttp.Answer answer = RawHttp.send(server.port(), call[0] + " " + call[1] + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                answer.assertEnvelope(404);
                assertThat(answer.message()).as(read).contains("--request-journal");
            }
            assertThat(RawHttp.send(server.port(), "DELETE /__admin/requests HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").status()).as("clearing an empty journal").isEqualTo(200);
        }
    }

    @Test
    void aTestThatReadsItTurnsItOn() {
        try (CountMockServer server = CountMockServer.builder().port(0).clock(CLOCK).requestJournal(10).start()) {
            new PartnerClient(server).get("/partners/invoices");
            RawHttp.Answer journal = RawHttp.send(server.port(), "GET /__admin/requests HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(journal.status()).isEqualTo(200);
            assertThat(journal.json().path("requests")).hasSize(1);
        }
    }
}

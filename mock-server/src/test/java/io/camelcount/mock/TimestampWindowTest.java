package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.junit.CountMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timestamp window is exactly 300 seconds either way (issue 12, item 8). It was 300 seconds into the
 * past but 301 into the future, because the clock's fraction of a second was cut off on one side only.
 * A timestamp in seconds is compared with the clock's whole second, one in milliseconds with its millisecond.
 */
class TimestampWindowTest {

    private static final Instant SECOND = Instant.parse("2026-11-24T10:00:00Z");

    @RegisterExtension
    static final CountMockExtension COUNT = CountMockExtension.builder().clockFrozenAt(SECOND)
            .configure(server -> server.rateLimit(0)).build();

    @ParameterizedTest(name = "clock at +{0} ms, x-timestamp {1} s: {2}")
    @CsvSource({
            "0, -300, 200", "0, 300, 200", "0, -301, 401", "0, 301, 401",
            "1, -300, 200", "1, 300, 200", "1, -301, 401", "1, 301, 401",
            "500, -300, 200", "500, 300, 200", "500, -301, 401", "500, 301, 401",
            "999, -300, 200", "999, 300, 200", "999, -301, 401", "999, 301, 401",
            "0, 0, 200", "999, 0, 200"})
    void aTimestampInSecondsIsAtMost300SecondsFromTheClocksSecond(long clockMillis, long offsetSeconds, int status) {
        COUNT.clock().set(SECOND.plusMillis(clockMillis));

        Reply reply = new PartnerClient(COUNT.server()).call("GET", "/partners/invoices")
                .timestamp(Long.toString(SECOND.getEpochSecond() + offsetSeconds)).send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        if (status == 401) {
            reply.assertErrorEnvelope(401);
            assertThat(reply.code()).isEqualTo("invalid_timestamp");
            assertThat(reply.message()).contains("x-timestamp is 301 seconds " + (offsetSeconds > 0 ? "ahead of" : "behind"));
        }
    }

    @ParameterizedTest(name = "clock at +{0} ms, x-timestamp {1} ms: {2}")
    @CsvSource({
            "0, -300000, 200", "0, 300000, 200", "0, -300001, 401", "0, 300001, 401",
            "999, -300000, 200", "999, 300000, 200", "999, -300001, 401", "999, 300001, 401"})
    void aTimestampInMillisecondsIsAtMost300SecondsFromTheClocksMillisecond(long clockMillis, long offsetMillis, int status) {
        Instant now = SECOND.plusMillis(clockMillis);
        COUNT.clock().set(now);

        Reply reply = new PartnerClient(COUNT.server()).call("GET", "/partners/invoices")
                .timestamp(Long.toString(now.toEpochMilli() + offsetMillis)).send();

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        if (status == 401) {
            assertThat(reply.message()).contains("x-timestamp is 300.001 seconds");
        }
    }
}

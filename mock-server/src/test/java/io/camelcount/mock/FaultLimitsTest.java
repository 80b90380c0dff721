package io.camelcount.mock;

import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.junit.CountMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults come from the admin API only, and every parameter of one is checked and capped (issue 12, item 2):
 * a bad value is a 400 naming the field, never a 500 or a fault that never answers.
 */
class FaultLimitsTest {

    @RegisterExtension
    static final CountMockExtension COUNT = CountMockExtension.builder()
            .clockFrozenAt(Instant.parse("2026-11-24T10:00:00Z"))
            .configure(server -> server.rateLimit(0)).build();

    private AdminClient admin;

    @BeforeEach
    void client() {
        admin = new AdminClient(COUNT.server());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"kind\":\"bogus\"}                                        | kind must be one of",
            "{\"kind\":\"delay:abc\"}                                    | kind must be one of",
            "{\"kind\":\"drop\"}                                         | kind must be one of",
            "{}                                                          | kind is required",
            "{\"kind\":null}                                             | kind is required",
            "{\"kind\":7}                                                | kind must be a non-empty string",
            "{\"kind\":\"delay\",\"delayMillis\":\"abc\"}                | delayMillis must be a whole number",
            "{\"kind\":\"delay\",\"delayMillis\":\"500\"}                | delayMillis must be a whole number",
            "{\"kind\":\"delay\",\"delayMillis\":1.5}                    | delayMillis must be a whole number",
            "{\"kind\":\"delay\",\"delayMillis\":9999999999999}          | delayMillis must be from 1 to 30000 (30 seconds",
            "{\"kind\":\"delay\",\"delayMillis\":99999999999999999999999} | delayMillis must be a whole number",
            "{\"kind\":\"delay\",\"delayMillis\":30001}                  | delayMillis must be from 1 to 30000",
            "{\"kind\":\"delay\",\"delayMillis\":0}                      | delayMillis must be from 1 to 30000",
            "{\"kind\":\"delay\",\"delayMillis\":-1}                     | delayMillis must be from 1 to 30000",
            "{\"kind\":\"rateLimit\",\"retryAfterSeconds\":-1}           | retryAfterSeconds must be from 0 to 3600",
            "{\"kind\":\"rateLimit\",\"retryAfterSeconds\":3601}         | retryAfterSeconds must be from 0 to 3600",
            "{\"kind\":\"rateLimit\",\"retryAfterSeconds\":\"7\"}        | retryAfterSeconds must be a whole number",
            "{\"kind\":\"serverError\",\"status\":404}                   | status must be from 500 to 599",
            "{\"kind\":\"serverError\",\"status\":99999999999}           | status must be from 500 to 599",
            "{\"kind\":\"serverError\",\"probability\":0}                | probability must be above 0 and at most 1",
            "{\"kind\":\"serverError\",\"probability\":1.5}              | probability must be above 0 and at most 1",
            "{\"kind\":\"serverError\",\"probability\":\"0.5\"}          | probability must be a number",
            "{\"kind\":\"serverError\",\"times\":0}                      | times must be from 1 to 1000000",
            "{\"kind\":\"serverError\",\"times\":1000001}                | times must be from 1 to 1000000",
            "{\"kind\":\"serverError\",\"times\":99999999999}            | times must be from 1 to 1000000",
            "{\"kind\":\"serverError\",\"method\":\"FETCH\"}             | method must be one of",
            "{\"kind\":\"serverError\",\"method\":\"\"}                  | method must be a non-empty string",
            "{\"kind\":\"serverError\",\"path\":\"(\"}                   | path must be a regular expression",
            "{\"kind\":\"serverError\",\"seed\":9007199254740992}        | seed must be a whole number between",
            "{\"kind\":\"serverError\",\"header\":\"X-Count-Mock-Fault\"} | Unknown field header",
            "[\"serverError\"]                                           | must be a JSON object",
            "delay:abc                                                   | not valid JSON"})
    void aBadFaultIsRefusedNamingTheProblem(String body, String problem) {
        Reply reply = admin.post("/faults", body);

        reply.assertErrorEnvelope(400);
        assertThat(reply.code()).isEqualTo("validation_failed");
        assertThat(reply.message()).contains(problem);
        assertThat(admin.get("/faults").data().get("faults")).isEmpty();
    }

    @Test
    void aPathPatternHasALengthLimit() {
        Reply reply = admin.post("/faults", "{\"kind\":\"serverError\",\"path\":\"" + "a".repeat(1_001) + "\"}");

        reply.assertErrorEnvelope(400);
        assertThat(reply.message()).contains("path must be a regular expression of at most 1000 characters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":\"delay\",\"delayMillis\":30000}",
            "{\"kind\":\"delay\",\"delayMillis\":1}",
            "{\"kind\":\"rateLimit\",\"retryAfterSeconds\":3600}",
            "{\"kind\":\"rateLimit\",\"retryAfterSeconds\":0}",
            "{\"kind\":\"serverError\",\"status\":599,\"times\":1000000,\"method\":\"patch\"}",
            "{\"kind\":\"dropAfterApply\",\"probability\":1,\"seed\":9007199254740991}"})
    void theLimitsThemselvesAreAccepted(String body) {
        Reply reply = admin.post("/faults", body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    }

    @Test
    void atMostAHundredFaultsAreArmed() {
        for (int i = 0; i < 100; i++) {
            assertThat(admin.post("/faults", "{\"kind\":\"serverError\",\"path\":\"/nowhere\"}").status()).isEqualTo(201);
        }

        Reply reply = admin.post("/faults", "{\"kind\":\"serverError\",\"path\":\"/nowhere\"}");

        reply.assertErrorEnvelope(400);
        assertThat(reply.message()).contains("At most 100 faults").contains("DELETE /__admin/count/faults");
        assertThat(admin.get("/faults").data().get("faults")).hasSize(100);
        assertThat(admin.delete("/faults").status()).isEqualTo(200);
        assertThat(admin.post("/faults", "{\"kind\":\"serverError\",\"path\":\"/nowhere\"}").status()).isEqualTo(201);
    }
}

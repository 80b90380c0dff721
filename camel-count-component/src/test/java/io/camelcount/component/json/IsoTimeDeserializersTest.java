package io.camelcount.component.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoTimeDeserializersTest {

    record Times(LocalDate date, Instant at) {
    }

    private static Times read(String date, String at) throws Exception {
        JsonNode json = CountJson.parse(("{\"date\":" + date + ",\"at\":" + at + "}").getBytes());
        return CountJson.mapper().treeToValue(json, Times.class);
    }

    @Test
    void readsCountsFormsAsTheJavaTimeModuleDoes() throws Exception {
        for (String at : List.of("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.1Z", "2026-11-24T10:00:00.123Z",
                "2026-11-24T10:00:00.123456789Z", "2026-12-31T23:59:59Z")) {
            assertThat(read("\"2026-11-24\"", "\"" + at + "\"")).as(at)
                    .isEqualTo(new Times(LocalDate.parse("2026-11-24"), Instant.parse(at)));
        }
    }

    @Test
    void leavesEveryOtherFormToTheJavaTimeModule() throws Exception {
        assertThat(read("[2026,11,24]", "\"2026-11-24T11:00:00+01:00\""))
                .isEqualTo(new Times(LocalDate.of(2026, 11, 24), Instant.parse("2026-11-24T10:00:00Z")));
        assertThat(read("null", "1795514400")).isEqualTo(new Times(null, Instant.ofEpochSecond(1795514400)));
    }

    @Test
    void leavesTimesItCannotMakeToTheJavaTimeModuleToo() throws Exception {
        assertThatThrownBy(() -> read("\"2026-02-30\"", "null")).hasMessageContaining("2026-02-30");
        assertThat(read("null", "\"2026-11-24T24:00:00Z\"").at()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }
}

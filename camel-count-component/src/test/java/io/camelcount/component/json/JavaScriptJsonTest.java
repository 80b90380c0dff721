package io.camelcount.component.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelcount.component.model.Invoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaScriptJsonTest {

    private static String canonical(Object body) {
        return JavaScriptJson.write(CountJson.toTree(body));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "250.00, 250",
            "1.50, 1.5",
            "1.0, 1",
            "0, 0",
            "-0.0, 0",
            "0.1, 0.1",
            "12.345, 12.345",
            "-42.10, -42.1",
            "100, 100",
            "1E+2, 100",
            "0.000001, 0.000001",
            "0.0000001, 1e-7",
            "123456789012345678901, 123456789012345680000",
            "1E+21, 1e+21",
            "1.5E+22, 1.5e+22",
            "0.30000000000000004, 0.30000000000000004",
            "9007199254740993, 9007199254740992",
    })
    void numbersAreWrittenAsJavaScriptPrintsThem(String input, String expected) {
        assertThat(JavaScriptJson.number(new BigDecimal(input))).isEqualTo(expected);
        assertThat(canonical("{\"n\":" + input + "}")).isEqualTo("{\"n\":" + expected + "}");
    }

    @Test
    void doublesFromJavaObjectsLoseTheirTrailingZero() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("price", 1.0d);
        body.put("quantity", 2.50d);
        body.put("amount", new BigDecimal("250.00"));
        assertThat(canonical(body)).isEqualTo("{\"price\":1,\"quantity\":2.5,\"amount\":250}");
    }

    @Test
    void anInfiniteNumberIsRefusedRatherThanSentAsNull() {
        assertThatThrownBy(() -> canonical(Map.of("amount", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite number");
    }

    @Test
    void stringsEscapeOnlyWhatJsonStringifyEscapes() {
        String text = "a/b \"q\" back\\slash café € 😀 tab\tnl\ncr\rbs\bff\f ctl\u0001\u001f del\u007f ls\u2028";
        assertThat(canonical(Map.of("s", text))).isEqualTo(
                "{\"s\":\"a/b \\\"q\\\" back\\\\slash café € 😀 tab\\tnl\\ncr\\rbs\\bff\\f ctl\\u0001\\u001f del\u007f ls\u2028\"}");
    }

    @Test
    void loneSurrogatesAreEscapedInLowerCase() {
        assertThat(canonical(Map.of("s", "x\uD83Dy\uDE00"))).isEqualTo("{\"s\":\"x\\ud83dy\\ude00\"}");
    }

    @Test
    void keysKeepTheOrderTheyWereWrittenIn() {
        assertThat(canonical("{ \"zeta\" : 1, \"alpha\" : [ true, null, \"x\" ], \"mid\" : { \"b\" : 2, \"a\" : 1 } }"))
                .isEqualTo("{\"zeta\":1,\"alpha\":[true,null,\"x\"],\"mid\":{\"b\":2,\"a\":1}}");

        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", "2026-11-24");
        map.put("customerUuid", "c");
        map.put("products", List.of(Map.of("productUuid", "p")));
        assertThat(canonical(map)).isEqualTo("{\"date\":\"2026-11-24\",\"customerUuid\":\"c\",\"products\":[{\"productUuid\":\"p\"}]}");
    }

    @Test
    void aModelIsWrittenCompactWithoutNullsWithDatesAsText() {
        Invoice invoice = new Invoice();
        invoice.setCustomerUuid("0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081");
        invoice.setDate(LocalDate.of(2026, 11, 24));
        invoice.addLine("9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01", new BigDecimal("2.0"), new BigDecimal("120.00"));

        assertThat(canonical(invoice)).isEqualTo("{\"customerUuid\":\"0b1e7a40-5c1d-4f7e-8a2b-3c4d5e6f7081\","
                                                 + "\"date\":\"2026-11-24\",\"products\":[{\"productUuid\":"
                                                 + "\"9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01\",\"quantity\":2,\"unitPrice\":120}]}");
    }

    @Test
    void unknownFieldsReadFromCountAreKeptAndWrittenBack() {
        Invoice invoice = CountJson.convert(CountJson.toTree(
                "{\"uuid\":\"u\",\"status\":\"sent\",\"futureField\":{\"x\":1}}"), Invoice.class);
        assertThat(invoice.getStatus()).isEqualTo("sent");
        assertThat(invoice.getAdditionalProperties()).containsKey("futureField");
        assertThat(canonical(invoice)).contains("\"futureField\":{\"x\":1}");
    }
}

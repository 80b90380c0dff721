package io.camelcount.mock.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are what Node's {@code JSON.stringify(JSON.parse(input))} prints. */
class JavaScriptJsonTest {

    private static String canonical(String json) throws InvalidJsonException {
        return new String(JavaScriptJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "250.00                  | 250",
            "1.50                    | 1.5",
            "0.1                     | 0.1",
            "-0                      | 0",
            "-0.0                    | 0",
            "-12.340                 | -12.34",
            "100                     | 100",
            "1E2                     | 100",
            "1e21                    | 1e+21",
            "123456789012345678901   | 123456789012345680000",
            "1.5e300                 | 1.5e+300",
            "0.000001                | 0.000001",
            "0.0000001               | 1e-7",
            "1.23e-7                 | 1.23e-7",
            "12345678901234567890    | 12345678901234567000",
            "0.30000000000000004     | 0.30000000000000004",
            "5e-324                  | 5e-324",
            "1.7976931348623157e308  | 1.7976931348623157e+308",
            "1e400                   | null",
            "9007199254740993        | 9007199254740992",
            "2e23                    | 2e+23",
    })
    void numbersTakeJavaScriptForm(String input, String expected) throws InvalidJsonException {
        assertThat(canonical(input)).isEqualTo(expected);
    }

    /**
     * Decimals of up to 15 significant digits and integers up to 2^53 are written without the search for the
     * shortest digits; they must come out as the search would write them, sign, exponent form and all.
     */
    @Test
    void shortDecimalsAreWrittenAsTheShortestDigitsSearchWrites() throws InvalidJsonException {
        java.util.Random random = new java.util.Random(19);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(17));
            int scale = random.nextInt(60) - 30;
            String input = new java.math.BigDecimal(java.math.BigInteger.valueOf(unscaled), scale).toString();
            String expected = JavaScriptJson.numberToString(Double.parseDouble(input));
            assertThat(canonical(input)).as(input).isEqualTo(expected);
        }
    }

    @Test
    void objectsAreCompactAndKeepKeyOrder() throws InvalidJsonException {
        assertThat(canonical("{ \"b\" : 1 ,\n \"a\" : [ 1 , { \"z\" : null, \"y\" : true } ] }"))
                .isEqualTo("{\"b\":1,\"a\":[1,{\"z\":null,\"y\":true}]}");
    }

    @Test
    void integerKeysComeFirstInAscendingOrderAsInAJavaScriptObject() throws InvalidJsonException {
        assertThat(canonical("{\"b\":1,\"10\":2,\"2\":3,\"01\":4,\"4294967295\":5,\"a\":6}"))
                .isEqualTo("{\"2\":3,\"10\":2,\"b\":1,\"01\":4,\"4294967295\":5,\"a\":6}");
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() throws InvalidJsonException {
        assertThat(canonical("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo("{\"a\":3,\"b\":2}");
    }

    @Test
    void stringsEscapeOnlyQuoteBackslashAndControlCharacters() throws InvalidJsonException {
        assertThat(canonical("\"a\\/b \\u00e9 é € \\\" \\\\ \\b\\f\\n\\r\\t \\u0001 \\u001F \\u007f \\u2028\""))
                .isEqualTo("\"a/b é é € \\\" \\\\ \\b\\f\\n\\r\\t \\u0001 \\u001f \u007f \u2028\"");
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsAreKept() throws InvalidJsonException {
        assertThat(canonical("[\"\\ud83d\\ude00\",\"\\ud800\",\"\\uDC00x\"]"))
                .isEqualTo("[\"\uD83D\uDE00\",\"\\ud800\",\"\\udc00x\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\":1,}", "{'a':1}", "[1] [2]", "{\"a\":01}", "NaN", "// c\n{}", "{\"a\":1}x"})
    void refusesWhatJsonParseRefuses(String input) {
        assertThatThrownBy(() -> canonical(input)).isInstanceOf(InvalidJsonException.class);
    }
}

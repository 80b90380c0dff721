package io.camelcount.mock.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * JSON as a JavaScript engine reads and writes it: {@link #stringify} produces exactly what
 * {@code JSON.stringify(JSON.parse(text))} gives in Node, which is what COUNT's server very
 * probably hashes when it checks a signature (contract §1.1). The mock also writes its responses
 * this way, so that numbers on the wire are in JavaScript form ({@code 250}, not {@code 250.00}).
 */
public final class JavaScriptJson {

    /**
     * COUNT's bodies nest four levels at most; JavaScript would read deeper ones, but a body nested hundreds of
     * levels deep is an attack on the parser, refused before it costs a deep recursion.
     */
    static final int MAX_NESTING_DEPTH = 64;
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final long MAX_ARRAY_INDEX = 4_294_967_294L;
    private static final long EXACT_INTEGERS = 1L << 53;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JavaScriptJson() {
    }

    /** Parses strictly, as {@code JSON.parse} does: no comments, no trailing commas, nothing after the value. */
    public static JsonNode parse(byte[] json) throws InvalidJsonException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("the body is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidJsonException(e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidJsonException(e.getMessage());
        } catch (NumberFormatException | ArithmeticException e) {
            // Jackson hands a number such as 1e2147483648 to BigDecimal, whose exponent cannot hold it.
            throw new InvalidJsonException("a number is out of range (its exponent is too large)");
        }
    }

    /** {@code JSON.stringify(JSON.parse(json))} as UTF-8 bytes. */
    public static byte[] canonicalize(byte[] json) throws InvalidJsonException {
        return stringify(parse(json)).getBytes(StandardCharsets.UTF_8);
    }

    public static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue());
            case NUMBER -> out.append(numberToString(node));
            case STRING -> quote(node.textValue(), out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case OBJECT -> writeObject(node, out);
            default -> throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
        }
    }

    /**
     * In insertion order, in one pass; an object with an integer-like key (rare: COUNT's keys are names) is written
     * again over what was written, in JavaScript's order.
     */
    private static void writeObject(JsonNode object, StringBuilder out) {
        int start = out.length();
        if (!writeProperties(object.properties(), out, true)) {
            out.setLength(start);
            writeProperties(propertiesInJavaScriptOrder(object), out, false);
        }
    }

    /** Writes {@code {…}}; when {@code stopAtArrayIndex}, returns false as soon as a key is an array index. */
    private static boolean writeProperties(Iterable<Map.Entry<String, JsonNode>> properties, StringBuilder out,
                                           boolean stopAtArrayIndex) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> property : properties) {
            if (stopAtArrayIndex && isArrayIndex(property.getKey())) {
                return false;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(property.getKey(), out);
            out.append(':');
            write(property.getValue(), out);
        }
        out.append('}');
        return true;
    }

    /** A JavaScript object lists integer-like keys first, ascending, then the others in insertion order. */
    private static List<Map.Entry<String, JsonNode>> propertiesInJavaScriptOrder(JsonNode object) {
        List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
        object.properties().forEach(property -> (isArrayIndex(property.getKey()) ? indices : others).add(property));
        indices.sort(Comparator.comparingLong(property -> Long.parseLong(property.getKey())));
        indices.addAll(others);
        return indices;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(key) <= MAX_ARRAY_INDEX;
    }

    /**
     * A JSON number as JavaScript prints it once read into a double. Most numbers (every amount, quantity and count
     * COUNT exchanges) need no search for the shortest digits, which is what made writing a page of invoices slow:
     * an integer up to 2^53 is its own digits, and a decimal of at most 15 significant digits in the double's
     * normal range is its own shortest form (two such decimals are at least 1e-15 apart relatively, a double's step
     * at most 2^-52, so no shorter decimal reads back as the same double).
     */
    private static String numberToString(JsonNode number) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            long value = number.longValue();
            if (Math.abs(value) <= EXACT_INTEGERS) {
                return Long.toString(value);
            }
        }
        BigDecimal value = number.decimalValue();
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int k = stripped.precision();
        int n = k - stripped.scale();
        if (k <= 15 && -300 < n && n < 300) {
            String digits = stripped.unscaledValue().abs().toString();
            return (value.signum() < 0 ? "-" : "") + javaScriptForm(digits, n);
        }
        return numberToString(Double.parseDouble(value.toString()));
    }

    /** ECMAScript Number::toString: shortest round-trip digits, exponent form outside 1e-7 < |x| < 1e21. */
    static String numberToString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + numberToString(-value);
        }
        BigDecimal shortest = shortestDigits(value);
        return javaScriptForm(shortest.unscaledValue().toString(), shortest.precision() - shortest.scale());
    }

    /** Positive {@code digits} (no trailing zero) times 10^(n - digits.length()), written as Number::toString does. */
    private static String javaScriptForm(String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String sign = exponent < 0 ? "-" : "+";
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + sign + Math.abs(exponent);
    }

    /**
     * The fewest significant digits that still read back as {@code value}; among candidates of that
     * length, the one closest to it (rounding half-even first, then the other neighbour, which can
     * only be needed next to a power of two).
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value) {
                    return candidate.stripTrailingZeros();
                }
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** Runs of characters that need no escape are appended whole: a page of invoices is mostly such runs. */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(text, i)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(text, plain, text.length());
        out.append('"');
    }

    /** ES2019 well-formed JSON.stringify escapes surrogates that are not part of a pair. */
    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}

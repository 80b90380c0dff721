package io.camelcount.component.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON tree exactly as {@code JSON.stringify(JSON.parse(text))} would in JavaScript.
 * <p>
 * COUNT's server is a Node service that hashes its own re-serialisation of the body, so the bytes we
 * sign must already be in that form (contract §1.1): compact, numbers as JavaScript prints a double,
 * strings escaping only what {@code JSON.stringify} escapes, keys in their original order.
 */
public final class JavaScriptJson {

    private JavaScriptJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException(
                    "Cannot write a " + node.getNodeType() + " node as JSON: only plain JSON values can be sent to COUNT");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(field.getKey(), out);
            out.append(':');
            write(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    /** ECMAScript QuoteJSONString: short escapes, lowercase hex escapes for other controls and lone surrogates. */
    static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    private static String number(JsonNode node) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw notFinite(node.asText());
        }
        return number(node.decimalValue());
    }

    private static IllegalArgumentException notFinite(String value) {
        return new IllegalArgumentException(
                "The number " + value + " is not a finite number in JavaScript, so COUNT cannot read it: send an amount"
                                            + " within ±1.7e308");
    }

    /**
     * ECMAScript Number::toString for the double nearest to {@code value}: JavaScript parses every
     * JSON number into a double, so {@code 250.00} becomes {@code 250} and {@code 0.1} stays {@code 0.1}.
     */
    public static String number(BigDecimal value) {
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw notFinite(value.toString());
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = shortestRoundTrip(d);
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.abs(exponent);
    }

    /** The fewest significant digits that still parse back to {@code d}, as JavaScript prints. */
    private static BigDecimal shortestRoundTrip(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}

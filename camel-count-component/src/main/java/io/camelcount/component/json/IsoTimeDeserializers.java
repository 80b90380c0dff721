package io.camelcount.component.json;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * COUNT's dates ({@code 2026-11-24}) and UTC instants ({@code 2026-11-24T10:00:00Z}, {@code …:00.123Z}) read
 * digit by digit. DateTimeFormatter takes microseconds a field, and reading the four of an invoice was a third of
 * the JSON time of a call (docs/PERFORMANCE.md, component overhead). Every other form goes to the Java time module's
 * own deserializers, so what is accepted does not change.
 */
final class IsoTimeDeserializers {

    private IsoTimeDeserializers() {
    }

    static SimpleModule module() {
        return new SimpleModule("count-iso-time")
                .addDeserializer(LocalDate.class, new Dates())
                .addDeserializer(Instant.class, new Instants());
    }

    private static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (text.length() == 10 && isDate(text)) {
                    try {
                        return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
                    } catch (DateTimeException noSuchDay) {
                        // the module's deserializer refuses it with the message users know
                    }
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }
    }

    private static final class Instants extends StdScalarDeserializer<Instant> {

        Instants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = utcInstant(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or null for any other form or a time that does not exist. */
    static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || !isDate(text) || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || !digits(text, 11, 13) || !digits(text, 14, 16)
                || !digits(text, 17, 19)) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9 || !digits(text, 20, length - 1)) {
                return null;
            }
            nanos = number(text, 20, length - 1) * (int) Math.pow(10, 9 - fractionDigits);
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
                    number(text, 14, 16), number(text, 17, 19), nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException noSuchInstant) {
            return null;
        }
    }

    private static boolean isDate(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4) && digits(text, 5, 7)
               && digits(text, 8, 10);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}

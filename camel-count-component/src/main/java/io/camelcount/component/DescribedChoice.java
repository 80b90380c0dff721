package io.camelcount.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A constant of an enum-typed option, with what it means in a few words, so that a value the option does not
 * take is refused with the choices spelt out rather than with Camel's "no type converter" error.
 */
interface DescribedChoice {

    String name();

    String description();

    /**
     * @return {@code null} when {@code value} names a constant of {@code type} (as Camel's enum conversion reads it,
     *         ignoring case); otherwise what the option must be, such as {@code one (a Page) or all (...)}
     */
    static String refusal(Class<?> type, String value) {
        Object[] constants = type.getEnumConstants();
        if (Arrays.stream(constants).anyMatch(constant -> ((Enum<?>) constant).name().equalsIgnoreCase(value))) {
            return null;
        }
        return Arrays.stream(constants)
                .map(constant -> constant instanceof DescribedChoice choice
                        ? choice.name() + " (" + choice.description() + ")" : ((Enum<?>) constant).name())
                .collect(Collectors.joining(" or "));
    }
}

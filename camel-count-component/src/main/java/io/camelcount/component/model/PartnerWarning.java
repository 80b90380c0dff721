package io.camelcount.component.model;

/**
 * A field COUNT ignored in an update: unknown to it, or internal and not for partners to set.
 *
 * @param reason {@code unknown_field} or {@code internal_only}
 */
public record PartnerWarning(String field, String reason, String message) {
}

package io.camelcount.mock.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A field of a create or an update that COUNT ignored (contract §2): one it sets itself ({@code internal_only})
 * or one it does not know ({@code unknown_field}). The request still succeeds; the warning tells the partner
 * its value went nowhere.
 */
record PartnerWarning(String field, String reason, String message) {

    /** Fields only COUNT sets, on every resource (contract §3). */
    static final Set<String> INTERNAL_FIELDS = Set.of("status", "isSent", "approved", "paymentStatus", "total",
            "isDeleted", "teamId");

    /**
     * @param writable the fields the create or update reads
     * @param readOnly besides {@link #INTERNAL_FIELDS}, the resource's fields that COUNT derives or assigns
     */
    static List<PartnerWarning> check(JsonBody body, Set<String> writable, Set<String> readOnly, String resource) {
        List<PartnerWarning> warnings = new ArrayList<>();
        for (String field : body.fieldNames()) {
            if (writable.contains(field)) {
                continue;
            }
            if (INTERNAL_FIELDS.contains(field) || readOnly.contains(field)) {
                warnings.add(new PartnerWarning(field, "internal_only",
                        field + " is set by COUNT, not by partners; the value sent was ignored"));
            } else {
                warnings.add(new PartnerWarning(field, "unknown_field",
                        field + " is not a field of " + resource + "; it was ignored"));
            }
        }
        return warnings;
    }
}

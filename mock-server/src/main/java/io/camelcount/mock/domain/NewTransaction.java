package io.camelcount.mock.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A transaction as a partner sends it (contract §7); any field may be null. The rules that need nothing
 * but the request are checked here, its references by the {@link Ledger}.
 *
 * @param type null to have it follow from the category account, as COUNT does
 */
public record NewTransaction(TransactionType type, UUID accountUuid, BigDecimal amount, LocalDate postedDate,
                             String description, String currency, UUID customerUuid, UUID categoryAccountUuid,
                             List<UUID> tagUuids, String notes) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    void validate() {
        if (accountUuid == null) {
            throw DomainException.validation("accUuid", "accUuid is required: the bank or cash account the money moves"
                    + " through, from GET /partners/chart-of-accounts");
        }
        if (amount == null) {
            throw DomainException.validation("amount", "amount is required");
        }
        if (amount.signum() <= 0) {
            throw DomainException.validation("amount", "amount must be greater than 0 (COUNT applies the sign by type),"
                    + " got " + amount.toPlainString());
        }
        Money.requireAmount(amount, "amount");
        if (postedDate == null) {
            throw DomainException.validation("postedDate", "postedDate (or its alias date) is required (YYYY-MM-DD)");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw DomainException.validation("currency", "currency must be a three-letter ISO 4217 code such as GBP");
        }
    }
}

package io.camelcount.component;

/**
 * What a create does when COUNT answers 409 because its natural key is taken: the option
 * {@code duplicateInvoiceNumber}. The constants are spelt as users write them in a URI.
 */
public enum DuplicateInvoiceNumber implements DescribedChoice {

    /** Throw COUNT's refusal, a {@link CountConflictException}. */
    fail("a CountConflictException"),
    /** Answer the record that already has the key, with the header {@code CamelCountExisting} true. */
    answerExisting("the invoice that has the number");

    private final String description;

    DuplicateInvoiceNumber(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}

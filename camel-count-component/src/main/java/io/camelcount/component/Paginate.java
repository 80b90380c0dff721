package io.camelcount.component;

/**
 * What a list answers: the option {@code paginate}. The constants are spelt as users write them in a URI.
 */
public enum Paginate implements DescribedChoice {

    /** One page: a {@link io.camelcount.component.model.Page} with its records and COUNT's counts. */
    one("a Page"),
    /** Every record, through an Iterator that fetches each page only when the route reaches it. */
    all("an Iterator over every record");

    private final String description;

    Paginate(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}

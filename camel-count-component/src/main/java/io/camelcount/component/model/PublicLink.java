package io.camelcount.component.model;

/** The customer-facing page of an approved invoice, where the customer can view and pay it. */
public class PublicLink extends CountObject {

    private String url;

    public String getUrl() {
        return url;
    }

    @Override
    public String toString() {
        return url;
    }
}

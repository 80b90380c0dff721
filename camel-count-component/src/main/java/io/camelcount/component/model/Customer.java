package io.camelcount.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A customer of the workspace: who invoices are addressed to. Addresses and contacts stay in the additional properties. */
public class Customer extends CountObject implements CountResource {

    /** The customer's name; COUNT calls the field {@code customer}. */
    private String customer;
    private String email;
    @JsonAlias("id")
    private String uuid;

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public String toString() {
        return "Customer[" + customer + ", uuid=" + uuid + "]";
    }
}

package io.camelcount.component.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer of the workspace: who invoices are addressed to, with the fields COUNT's partner client documents
 * (contract §5). A field COUNT did not send stays null, lists included, so that a customer sent back as an
 * update changes only what was set on it.
 */
public class Customer extends CountObject implements CountResource {

    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    /** The customer's name; COUNT calls the field {@code customer}. */
    private String customer;
    private String email;
    private String mainPhone;
    private String website;
    private String notes;
    /** {@code active} or {@code inactive}. */
    private String status;
    private String paymentTerm;
    private String taxNumber;
    private Boolean taxAutoCalculate;
    private Boolean taxExcluded;
    /** COUNT's numeric tax IDs: the partner API does not take tax UUIDs for customers yet. */
    private List<Integer> taxes;
    private Address billingAddress;
    private Address shippingAddress;
    private List<Contact> contacts;
    private Instant createdAt;
    private Instant updatedAt;

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

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

    public String getMainPhone() {
        return mainPhone;
    }

    public void setMainPhone(String mainPhone) {
        this.mainPhone = mainPhone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPaymentTerm() {
        return paymentTerm;
    }

    public void setPaymentTerm(String paymentTerm) {
        this.paymentTerm = paymentTerm;
    }

    public String getTaxNumber() {
        return taxNumber;
    }

    public void setTaxNumber(String taxNumber) {
        this.taxNumber = taxNumber;
    }

    public Boolean getTaxAutoCalculate() {
        return taxAutoCalculate;
    }

    public void setTaxAutoCalculate(Boolean taxAutoCalculate) {
        this.taxAutoCalculate = taxAutoCalculate;
    }

    public Boolean getTaxExcluded() {
        return taxExcluded;
    }

    public void setTaxExcluded(Boolean taxExcluded) {
        this.taxExcluded = taxExcluded;
    }

    public List<Integer> getTaxes() {
        return taxes;
    }

    public void setTaxes(List<Integer> taxes) {
        this.taxes = taxes;
    }

    public Address getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(Address billingAddress) {
        this.billingAddress = billingAddress;
    }

    public Address getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(Address shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    public List<Contact> getContacts() {
        return contacts;
    }

    public void setContacts(List<Contact> contacts) {
        this.contacts = contacts;
    }

    /** Set by COUNT; null on a customer that has not been read from COUNT. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Customer[" + customer + ", uuid=" + uuid + "]";
    }
}

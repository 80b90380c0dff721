package io.camelcount.component.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something the workspace sells. A product can be invoiced only once it has a category account
 * ({@code categoryAccountUuid}, an income account of the chart); {@code purchaseCategoryAccountUuid} is where
 * buying it is booked, and {@code taxUuids} are COUNT's taxes on it.
 */
public class Product extends CountObject implements CountResource {

    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    private String name;
    private String categoryAccountUuid;
    private String purchaseCategoryAccountUuid;
    private List<String> taxUuids;
    private BigDecimal unitPrice;

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategoryAccountUuid() {
        return categoryAccountUuid;
    }

    public void setCategoryAccountUuid(String categoryAccountUuid) {
        this.categoryAccountUuid = categoryAccountUuid;
    }

    public String getPurchaseCategoryAccountUuid() {
        return purchaseCategoryAccountUuid;
    }

    public void setPurchaseCategoryAccountUuid(String purchaseCategoryAccountUuid) {
        this.purchaseCategoryAccountUuid = purchaseCategoryAccountUuid;
    }

    public List<String> getTaxUuids() {
        return taxUuids;
    }

    public void setTaxUuids(List<String> taxUuids) {
        this.taxUuids = taxUuids;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    @Override
    public String toString() {
        return "Product[" + name + ", uuid=" + uuid + "]";
    }
}

package io.camelcount.component.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Something the workspace sells; every product needs a category account before it can be invoiced. */
public class Product extends CountObject implements CountResource {

    private String name;
    private String categoryAccountUuid;
    private BigDecimal unitPrice;
    @JsonAlias("id")
    private String uuid;

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

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public String toString() {
        return "Product[" + name + ", uuid=" + uuid + "]";
    }
}

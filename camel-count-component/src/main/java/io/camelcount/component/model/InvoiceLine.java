package io.camelcount.component.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;

/** One line of an invoice: a product, a quantity and a unit price. */
public class InvoiceLine extends CountObject {

    private String productUuid;
    private String description;
    private BigDecimal quantity;
    @JsonAlias("price")
    private BigDecimal unitPrice;
    private BigDecimal amount;

    public InvoiceLine() {
    }

    public InvoiceLine(String productUuid, BigDecimal quantity, BigDecimal unitPrice) {
        this.productUuid = productUuid;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String getProductUuid() {
        return productUuid;
    }

    public void setProductUuid(String productUuid) {
        this.productUuid = productUuid;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    /** Quantity times unit price, as COUNT computed it; read only. */
    public BigDecimal getAmount() {
        return amount;
    }
}

package io.camelcount.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;

/** A label for invoices. */
public class Tag extends CountObject implements CountResource {

    private String name;
    @JsonAlias("id")
    private String uuid;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public String toString() {
        return "Tag[" + name + ", uuid=" + uuid + "]";
    }
}

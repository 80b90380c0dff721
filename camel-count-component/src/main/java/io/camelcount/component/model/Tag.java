package io.camelcount.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A label for invoices; {@code color} is as the workspace set it (COUNT documents no format), or null. */
public class Tag extends CountObject implements CountResource {

    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    private String name;
    private String color;

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

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = color;
    }

    @Override
    public String toString() {
        return "Tag[" + name + ", uuid=" + uuid + "]";
    }
}

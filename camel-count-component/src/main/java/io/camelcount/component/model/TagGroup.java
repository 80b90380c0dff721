package io.camelcount.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named set of tags. Its {@code name} is unique in the workspace, and a tag belongs to at most one group;
 * {@code tagUuids} sent in an update replace the group's tags ({@code []} empties it).
 */
public class TagGroup extends CountObject implements CountResource {

    @JsonProperty("id")
    @JsonAlias("uuid")
    private String uuid;
    private String name;
    private String color;
    private List<String> tagUuids;

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

    public List<String> getTagUuids() {
        return tagUuids;
    }

    public void setTagUuids(List<String> tagUuids) {
        this.tagUuids = tagUuids;
    }

    @Override
    public String toString() {
        return "TagGroup[" + name + ", uuid=" + uuid + "]";
    }
}

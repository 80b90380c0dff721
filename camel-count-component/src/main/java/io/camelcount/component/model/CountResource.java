package io.camelcount.component.model;

/** A COUNT object that has a UUID of its own: what an operation on one resource acts on. */
public interface CountResource {

    String getUuid();
}

package io.camelcount.mock.domain;

import java.util.UUID;

/** One row of a bulk customer update: the customer ({@code uuid}) and the fields to change. */
public record CustomerChange(UUID uuid, CustomerUpdate update) {
}

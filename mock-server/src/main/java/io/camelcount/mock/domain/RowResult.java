package io.camelcount.mock.domain;

/**
 * What became of one row of a bulk request: the resource it made or changed, or why it failed. COUNT
 * reports a failed row's error as a plain message (count-cli: "Row error is a plain string message").
 */
public record RowResult<T>(int index, T value, String error) {

    public boolean success() {
        return error == null;
    }
}

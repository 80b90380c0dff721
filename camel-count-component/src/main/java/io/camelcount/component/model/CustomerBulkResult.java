package io.camelcount.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * COUNT's answer to {@code customers} {@code bulkCreate} and {@code bulkUpdate}: each row succeeded or failed on
 * its own, and COUNT answers 201 even when every row failed, so read {@link #getErrorCount()} first and retry
 * only the rows that failed.
 */
public class CustomerBulkResult extends CountObject {

    private int successCount;
    private int errorCount;
    private List<Row> results;

    public int getSuccessCount() {
        return successCount;
    }

    public int getErrorCount() {
        return errorCount;
    }

    /** One per row sent, in the order sent. */
    public List<Row> getResults() {
        return results;
    }

    @Override
    public String toString() {
        return "CustomerBulkResult[" + successCount + " succeeded, " + errorCount + " failed]";
    }

    /** What became of one row: the customer it created or changed, or why it failed. */
    public static class Row extends CountObject {

        private int index;
        private boolean success;
        private Customer customer;
        private String error;
        private String errorCode;

        /** The row's position in the request, from 0. */
        public int getIndex() {
            return index;
        }

        public boolean isSuccess() {
            return success;
        }

        /** The customer created or updated; null for a failed row. */
        public Customer getCustomer() {
            return customer;
        }

        /** Why the row failed, as COUNT put it; null for a row that succeeded. */
        public String getError() {
            return error;
        }

        /** The machine code of the row's error, when COUNT sent one; null otherwise. */
        public String getErrorCode() {
            return errorCode;
        }

        /**
         * count-cli documents a failed row's {@code error} as a plain message; an error object, as COUNT's
         * error answers are, is read too: its message and its machine code.
         */
        @JsonSetter("error")
        private void readError(JsonNode value) {
            if (value == null || value.isNull()) {
                error = null;
            } else if (value.isObject()) {
                error = value.path("message").asText(null);
                errorCode = firstText(value, "errorCode", "error", "code", "type");
            } else {
                error = value.asText();
            }
        }

        private static String firstText(JsonNode object, String... names) {
            for (String name : names) {
                if (object.path(name).isTextual()) {
                    return object.path(name).asText();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "Row[" + index + (success ? ", " + customer : ", " + error) + "]";
        }
    }
}

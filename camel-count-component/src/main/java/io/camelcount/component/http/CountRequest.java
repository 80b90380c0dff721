package io.camelcount.component.http;

/**
 * One HTTP call to COUNT.
 *
 * @param operation what the call is for, as users name it ({@code invoices/send}); used in errors
 * @param method    the HTTP method
 * @param path      the path below the base URL, starting with {@code /partners}
 * @param body      the exact JSON bytes to send and sign, or {@code null} for no body
 */
public record CountRequest(String operation, String method, String path, byte[] body) {
}

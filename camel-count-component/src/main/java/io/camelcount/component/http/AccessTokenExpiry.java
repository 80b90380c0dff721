package io.camelcount.component.http;

/**
 * Recognises COUNT's "your access token expired" answer by any one of its signals (contract §1.2), as
 * count-cli does: a 401 with the documented {@code errorCode} (or {@code code}) {@code token_expired}; a 401 with
 * the official client's {@code error: invalid_token} alone, or its {@code error_description} saying the access
 * token expired alone; the message {@code Invalid access token.} of older deployments, with 401 or 403. A bad
 * signature or missing credentials is never one of them: refreshing would not help and would burn a refresh token.
 */
final class AccessTokenExpiry {

    private static final String INVALID_SIGNATURE = "invalid_signature";

    private AccessTokenExpiry() {
    }

    static boolean isSignalledBy(HttpAnswer answer) {
        if (answer.status() != 401 && answer.status() != 403) {
            return false;
        }
        ErrorBody body = ErrorBody.of(answer.body());
        if (INVALID_SIGNATURE.equals(body.text("errorCode")) || INVALID_SIGNATURE.equals(body.text("code"))) {
            return false;
        }
        if ("Invalid access token.".equals(body.text("message"))) {
            return true;
        }
        if (answer.status() != 401) {
            return false;
        }
        String description = body.text("error_description");
        return "token_expired".equals(body.text("errorCode")) || "token_expired".equals(body.text("code"))
               || "invalid_token".equals(body.text("error"))
               || description != null && description.toLowerCase().contains("access token expired");
    }
}

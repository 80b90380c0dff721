package io.camelcount.mock.webhook;

import java.util.Set;

/**
 * A create or change of a subscription, as the partner sent it.
 *
 * @param sent the fields present in the request; on a change, only they change, and a {@code signingSecret} sent as
 *             null removes the secret
 */
public record SubscriptionRequest(String event, String callbackUrl, String signingSecret, SubscriptionStatus status,
                                  Set<String> sent) {

    public SubscriptionRequest {
        sent = Set.copyOf(sent);
    }

    @Override
    public String toString() {
        return "SubscriptionRequest[event=" + event + ", callbackUrl=" + callbackUrl + ", status=" + status + ", sent="
                + sent + "]";
    }
}

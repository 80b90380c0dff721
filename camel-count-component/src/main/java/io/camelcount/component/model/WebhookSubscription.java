package io.camelcount.component.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;

/**
 * A webhook subscription: COUNT posts each {@code event} to {@code callbackUrl} (contract §8). COUNT answers one
 * under {@code data.webhook} and names it by {@code uuid}, as its documented example does; {@code id} is read too.
 * The signing secret is sent and never read back: COUNT answers only {@code hasSigningSecret}.
 */
@JsonRootName("webhook")
public class WebhookSubscription extends CountObject implements CountResource {

    @JsonProperty("uuid")
    @JsonAlias("id")
    private String uuid;
    /** Such as {@code invoice.updated}; required on create. */
    private String event;
    /** Required on create: https, or http to a loopback address on the mock. */
    private String callbackUrl;
    /** {@code active}, {@code paused} or {@code disabled}. */
    private String status;
    /** Write-only: COUNT never returns it, and {@link #toString()} leaves it out so no log shows it. */
    private String signingSecret;
    private Boolean hasSigningSecret;
    private Instant createdAt;
    private Instant updatedAt;

    @Override
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    /** Set by COUNT: whether the subscription signs its deliveries. */
    public Boolean getHasSigningSecret() {
        return hasSigningSecret;
    }

    /** Set by COUNT; null on a subscription that has not been read from COUNT. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + event + " -> " + callbackUrl + ", " + status + ", uuid=" + uuid + "]";
    }
}

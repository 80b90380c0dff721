package io.camelcount.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of one {@code count:} endpoint. Set them on the component to share them between
 * endpoints; an endpoint URI overrides them.
 */
@UriParams
public class CountConfiguration implements Cloneable {

    @UriPath(description = "The COUNT API to call.", enums = "invoices")
    @Metadata(required = true)
    private String apiName;

    @UriParam(description = "The operation to perform on the API. Valid pairs for invoices: create, get, approve, send.",
              enums = "create,get,approve,send")
    @Metadata(required = true)
    private String operation;

    @UriParam(description = "The UUID of the resource the operation acts on, when the CamelCountUuid header is not set."
                            + " When neither is set, the UUID of a COUNT object in the message body is used.")
    private String uuid;

    @UriParam(label = "common", defaultValue = "https://api.getcount.com",
              description = "COUNT's base URL, without /partners. Point it at a COUNT sandbox or at the mock COUNT.")
    private String baseUrl = "https://api.getcount.com";

    @UriParam(label = "security", description = "The partner application's client ID, sent as x-client-id.")
    @Metadata(required = true)
    private String clientId;

    @UriParam(label = "security", secret = true,
              description = "The partner application's client secret: the key of every request's HMAC-SHA256 signature.")
    @Metadata(required = true)
    private String clientSecret;

    @UriParam(label = "security", secret = true,
              description = "The OAuth access token of the user who authorised the application, sent as a bearer token.")
    @Metadata(required = true)
    private String accessToken;

    @UriParam(label = "security", secret = true,
              description = "The OAuth refresh token that goes with the access token. Kept with the credentials; this"
                            + " version does not refresh tokens yet, so an expired access token fails with"
                            + " CountAuthenticationException.")
    private String refreshToken;

    public CountConfiguration copy() {
        try {
            return (CountConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiName() {
        return apiName;
    }

    public void setApiName(String apiName) {
        this.apiName = apiName;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }
}

package io.camelcount.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelcount.mock.auth.OAuthTransformer;
import io.camelcount.mock.auth.RequestSignature;
import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * A served request as WireMock's request journal ({@code /__admin/requests}) may keep it: every credential
 * replaced by {@value #REDACTED}. The journal is for seeing what a client sent, and it is served to anyone who
 * can reach the admin API, so it must not hand out what would let someone act as that client: the
 * {@code Authorization} header (bearer token), {@code x-signature} (replayable for the timestamp window), the
 * client secret, a webhook's signing secret, access and refresh tokens in the OAuth routes' bodies both ways, and the one-time
 * authorization code. Everything else is kept as sent, so the journal still shows what went wrong.
 */
final class JournalRedaction {

    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-signature");
    /** Field names, lower case without {@code _} and {@code -}, so that each spelling of a name is caught. */
    private static final Set<String> SECRET_FIELDS = Set.of("clientsecret", "secret", "password", "accesstoken",
            "refreshtoken", "idtoken", "token", "authorization", "signature", "xsignature", "signingsecret");
    /** The authorization code, a credential on the grant route only: elsewhere {@code code} is an account's code. */
    private static final String CODE = "code";
    private static final Pattern CODE_PARAMETER = Pattern.compile("([?&]code=)[^&#]*");
    /**
     * What every secret field's name contains. A body without any is kept without being parsed, which spares
     * the parsing of every page of invoices; a body that has one but could not be read is dropped whole.
     */
    private static final Pattern NAMES_A_SECRET = Pattern.compile("(?i)secret|token|password|authorization|signature");

    private JournalRedaction() {
    }

    static ServeEvent redact(ServeEvent event) {
        if (event == null) {
            return null;
        }
        boolean grant = event.getRequest() != null
                && OAuthTransformer.GRANT_PATH.equals(RequestSignature.urlPath(event.getRequest().getUrl()));
        return new ServeEvent(event.getId(), request(event.getRequest(), grant), event.getStubMapping(),
                responseDefinition(event.getResponseDefinition()), response(event.getResponse()), false,
                event.getTiming(), new ConcurrentLinkedQueue<>(event.getSubEvents()));
    }

    private static LoggedRequest request(LoggedRequest request, boolean grant) {
        return request == null ? null : LoggedRequest.createFrom(new RedactedRequest(request, grant));
    }

    private static ResponseDefinition responseDefinition(ResponseDefinition definition) {
        if (definition == null) {
            return null;
        }
        ResponseDefinitionBuilder redacted = ResponseDefinitionBuilder.like(definition);
        if (definition.getHeaders() != null) {
            redacted.withHeaders(headers(definition.getHeaders()));
        }
        byte[] body = definition.getByteBody();
        if (body != null && body.length > 0) {
            redacted.withBody(body(body, false));
        }
        return redacted.build();
    }

    private static LoggedResponse response(LoggedResponse response) {
        if (response == null) {
            return null;
        }
        byte[] body = response.getBody() == null ? null : body(response.getBody(), false);
        return new LoggedResponse(response.getStatus(), response.getHeaders() == null ? null : headers(response.getHeaders()),
                body == null ? null : Base64.getEncoder().encodeToString(body), response.getFault(), null);
    }

    private static HttpHeaders headers(HttpHeaders headers) {
        List<HttpHeader> redacted = new ArrayList<>();
        for (HttpHeader header : headers.all()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if (SECRET_HEADERS.contains(name)) {
                redacted.add(new HttpHeader(header.key(), header.values().stream().map(JournalRedaction::credential).toList()));
            } else if (name.equals("location")) {
                redacted.add(new HttpHeader(header.key(), header.values().stream()
                        .map(value -> CODE_PARAMETER.matcher(value).replaceAll("$1" + REDACTED)).toList()));
            } else {
                redacted.add(header);
            }
        }
        return new HttpHeaders(redacted);
    }

    /** {@code Bearer abc} becomes {@code Bearer [redacted]}: the scheme tells which kind of credential was sent. */
    private static String credential(String value) {
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space + 1) + REDACTED : REDACTED;
    }

    private static byte[] body(byte[] body, boolean grant) {
        if (body.length == 0 || !grant && !NAMES_A_SECRET.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
            return body;
        }
        try {
            JsonNode json = JavaScriptJson.parse(body);
            return redactFields(json, grant) ? JavaScriptJson.stringify(json).getBytes(StandardCharsets.UTF_8) : body;
        } catch (InvalidJsonException | RuntimeException notJson) {
            // RuntimeException too: whatever a hostile body does to the parser must not fail the request here.
            String text = new String(body, StandardCharsets.UTF_8);
            String redacted = form(text, grant);
            // Unchanged bytes stay as sent: an upload is not text, and decoding would garble it.
            return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Replaces secret fields anywhere in {@code json}; true when it replaced any. */
    private static boolean redactFields(JsonNode json, boolean grant) {
        boolean redacted = false;
        if (json instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSecret(field.getKey(), grant) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                    redacted = true;
                } else {
                    redacted |= redactFields(field.getValue(), grant);
                }
            }
        } else if (json instanceof ArrayNode array) {
            for (JsonNode element : array) {
                redacted |= redactFields(element, grant);
            }
        }
        return redacted;
    }

    /**
     * A form body ({@code a=1&refresh_token=...}) with the values of secret fields replaced; any other text
     * that names a credential is dropped whole, since where the credential sits in it cannot be known.
     */
    private static String form(String text, boolean grant) {
        StringBuilder redacted = new StringBuilder();
        StringBuilder kept = new StringBuilder();
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!redacted.isEmpty()) {
                redacted.append('&');
            }
            if (equals >= 0 && isSecret(decoded(name), grant)) {
                redacted.append(name).append('=').append(REDACTED);
            } else {
                redacted.append(pair);
                kept.append(pair).append('&');
            }
        }
        return NAMES_A_SECRET.matcher(kept).find()
                ? "[redacted: the body names a credential but is neither JSON nor a form]" : redacted.toString();
    }

    private static String decoded(String formName) {
        try {
            return URLDecoder.decode(formName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return formName;
        }
    }

    private static boolean isSecret(String fieldName, boolean grant) {
        String normal = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_FIELDS.contains(normal) || grant && normal.equals(CODE);
    }

    /** The request as sent, with its secrets replaced, for {@link LoggedRequest#createFrom}. */
    private static final class RedactedRequest extends RequestWrapper {

        private final Request original;
        private final boolean grant;

        RedactedRequest(Request original, boolean grant) {
            super(original);
            this.original = original;
            this.grant = grant;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers(original.getHeaders());
        }

        @Override
        public HttpHeader header(String key) {
            return getHeaders().getHeader(key);
        }

        @Override
        public String getHeader(String key) {
            return header(key).firstValue();
        }

        @Override
        public byte[] getBody() {
            return original.getBody() == null ? null : body(original.getBody(), grant);
        }

        @Override
        public String getBodyAsString() {
            byte[] body = getBody();
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public Map<String, FormParameter> formParameters() {
            Map<String, FormParameter> redacted = new LinkedHashMap<>();
            original.formParameters().forEach((name, parameter) -> redacted.put(name, isSecret(name, grant)
                    ? new FormParameter(parameter.key(), List.of(REDACTED)) : parameter));
            return redacted;
        }

        @Override
        public FormParameter formParameter(String key) {
            FormParameter parameter = formParameters().get(key);
            return parameter == null ? original.formParameter(key) : parameter;
        }
    }
}

package io.camelcount.mock.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.MultiValue;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.api.ApiResponse;
import io.camelcount.mock.json.InvalidJsonException;
import io.camelcount.mock.json.JavaScriptJson;
import io.camelcount.mock.web.ConsentPageHtml;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * COUNT's OAuth 2.0 authorization code flow (contract §1.2): the start route, the consent page, and the
 * two token routes. The gateway has already checked the token routes' signatures; the start route and the
 * consent page are visited by a browser. A browser (a request that accepts {@code text/html}) sees a
 * consent page whose Allow and Deny buttons post the decision back; any other client is granted at once,
 * as the contract says, because there is no user to ask.
 */
public final class OAuthTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "count-oauth";
    /** The live route's spelling; the mock also answers the correct one. */
    public static final String INITIATE_PATH = "/auth2/authorize-intiate";
    public static final String INITIATE_PATH_CORRECTED = "/auth2/authorize-initiate";
    public static final String CONSENT_PATH = "/auth2/consent";
    public static final String GRANT_PATH = "/partners/grant-access-token";
    public static final String REFRESH_PATH = "/partners/refresh-user-access-token";

    private record ConsentRequest(String clientId, String redirectUri, String state) {
    }

    /** A refusal of the request as sent, rendered in COUNT's error envelope. */
    private static final class Refused extends RuntimeException {
        private final transient ApiResponse response;

        private Refused(int status, String code, String message) {
            super(message);
            this.response = ApiResponse.error(status, code, message);
        }

        private static Refused invalid(String message) {
            return new Refused(400, "validation_failed", message);
        }
    }

    private final Credentials credentials;
    private final Tokens tokens;
    private final Function<UUID, String> workspaceNames;
    private final UUID defaultWorkspace;
    private final AnswerVariants variants;

    /**
     * @param workspaceNames   the name of a workspace, for the token response
     * @param defaultWorkspace what the consent page grants a client that was seeded with no workspace
     */
    public OAuthTransformer(Credentials credentials, Tokens tokens, Function<UUID, String> workspaceNames,
                            UUID defaultWorkspace, AnswerVariants variants) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.workspaceNames = workspaceNames;
        this.defaultWorkspace = defaultWorkspace;
        this.variants = variants;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        try {
            return switch (RequestSignature.urlPath(request.getUrl())) {
                case INITIATE_PATH, INITIATE_PATH_CORRECTED -> initiate(request);
                case CONSENT_PATH -> consent(request);
                case GRANT_PATH -> grant(request);
                case REFRESH_PATH -> refresh(request);
                default -> ApiResponse.error(404, "not_found", "No OAuth route " + request.getUrl()).render(variants.formFor(request));
            };
        } catch (Refused refused) {
            return refused.response.render(variants.formFor(request));
        } catch (TokenRefusal refusal) {
            return ApiResponse.error(refusal.status(), refusal.code(), refusal.getMessage()).render(variants.formFor(request));
        }
    }

    private ResponseDefinition initiate(Request request) {
        ConsentRequest consent = consentRequest(request);
        StringBuilder page = new StringBuilder(origin(request)).append(CONSENT_PATH)
                .append("?clientId=").append(encode(consent.clientId()))
                .append("&redirectUri=").append(encode(consent.redirectUri()));
        if (consent.state() != null) {
            page.append("&state=").append(encode(consent.state()));
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("redirectUri", page.toString());
        return ApiResponse.success(200, "Send the user to the COUNT consent page", data).render();
    }

    /**
     * A browser's GET shows the page; its buttons POST the decision. A GET from any other client consents at
     * once: back to the partner with a one-time code for the workspace.
     */
    private ResponseDefinition consent(Request request) {
        ConsentRequest consent = consentRequest(request);
        UUID workspace = tokens.consentWorkspace(consent.clientId()).orElse(defaultWorkspace);
        if (request.getMethod().equals(RequestMethod.GET) && acceptsHtml(request)) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("Cache-Control", "no-store")
                    .withBody(ConsentPageHtml.consent(consent.clientId(), workspaceNames.apply(workspace),
                            consent.redirectUri(), consent.state(), CONSENT_PATH))
                    .build();
        }
        boolean denied = request.getMethod().equals(RequestMethod.POST) && !approved(request);
        // RFC 6749 §4.1.2.1: a refusal goes back to the partner as error=access_denied, with its state.
        StringBuilder location = new StringBuilder(consent.redirectUri()).append(denied
                ? "?error=access_denied&error_description=" + encode("The user denied the app access to the workspace")
                : "?code=" + encode(tokens.issueAuthorizationCode(consent.clientId(), workspace)));
        if (consent.state() != null) {
            location.append("&state=").append(encode(consent.state()));
        }
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(302)
                .withHeader("Location", location.toString())
                .build();
    }

    private static boolean acceptsHtml(Request request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The consent page's button: {@code approve} or {@code deny}, nothing else. */
    private static boolean approved(Request request) {
        String decision = parameter(request, "decision")
                .orElseThrow(() -> Refused.invalid("decision is required: approve or deny"));
        return switch (decision) {
            case "approve" -> true;
            case "deny" -> false;
            default -> throw Refused.invalid("decision must be approve or deny");
        };
    }

    private ConsentRequest consentRequest(Request request) {
        String clientId = parameter(request, "clientId")
                .orElseThrow(() -> Refused.invalid("clientId is required: the client ID of the partner app"));
        if (!credentials.knows(clientId)) {
            throw Refused.invalid("clientId: no partner app is registered as \"" + clientId + "\"");
        }
        String redirectUri = parameter(request, "redirectUri")
                .orElseThrow(() -> Refused.invalid("redirectUri is required: where COUNT sends the user back"));
        requireRedirectUri(redirectUri);
        return new ConsentRequest(clientId, redirectUri, parameter(request, "state").orElse(null));
    }

    private static void requireRedirectUri(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (Exception malformed) {
            throw Refused.invalid("redirectUri must be an absolute http or https URL");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw Refused.invalid("redirectUri must be an absolute http or https URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw Refused.invalid("redirectUri must not carry a query string or fragment: COUNT appends"
                    + " code and state to it. Keep what you need to remember in state.");
        }
    }

    private ResponseDefinition grant(Request request) {
        JsonNode body = jsonBody(request);
        requireGrantType(body, "authorization_code");
        String clientId = requireSameClient(request, body);
        String code = field(body, "code", "code")
                .orElseThrow(() -> Refused.invalid("code is required: the code COUNT appended to the redirect URI"));
        return tokenResponse("Access token granted", tokens.exchangeCode(clientId, code));
    }

    private ResponseDefinition refresh(Request request) {
        JsonNode body = jsonBody(request);
        requireGrantType(body, "refresh_token");
        String clientId = requireSameClient(request, body);
        String refreshToken = field(body, "refreshToken", "refresh_token")
                .orElseThrow(() -> Refused.invalid("refreshToken is required"));
        return tokenResponse("Access token refreshed", tokens.refresh(clientId, refreshToken));
    }

    private ResponseDefinition tokenResponse(String message, IssuedTokens issued) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("result")
                .put("accessToken", issued.accessToken())
                .put("refreshToken", issued.refreshToken())
                .put("accessTokenExpiresAt", issued.accessTokenExpiresAt().toString())
                .put("refreshTokenExpiresAt", issued.refreshTokenExpiresAt().toString())
                .put("workspaceId", issued.workspaceUuid().toString())
                .put("workspaceName", workspaceNames.apply(issued.workspaceUuid()));
        return ApiResponse.success(200, message, data).render();
    }

    private static void requireGrantType(JsonNode body, String expected) {
        String grantType = field(body, "grantType", "grant_type")
                .orElseThrow(() -> Refused.invalid("grantType is required: \"" + expected + "\""));
        if (!grantType.equals(expected)) {
            throw Refused.invalid("grantType must be \"" + expected + "\" on this route");
        }
    }

    /**
     * The documentation's snake_case body repeats the client's credentials; the signature already
     * proves them, so they only have to agree with it.
     */
    private String requireSameClient(Request request, JsonNode body) {
        String clientId = request.getHeader("x-client-id");
        if (field(body, "clientId", "client_id").filter(id -> !id.equals(clientId)).isPresent()) {
            throw Refused.invalid("client_id in the body differs from the x-client-id header");
        }
        String secret = credentials.app(clientId).orElseThrow().clientSecret();
        boolean secretDiffers = field(body, "clientSecret", "client_secret")
                .filter(sent -> !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
        if (secretDiffers) {
            throw new Refused(401, "invalid_client", "client_secret in the body is not the secret of client \""
                    + clientId + "\"");
        }
        return clientId;
    }

    private static JsonNode jsonBody(Request request) {
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody();
        if (bytes.length == 0) {
            throw Refused.invalid("The request body is empty; send a JSON object.");
        }
        try {
            JsonNode body = JavaScriptJson.parse(bytes);
            if (!body.isObject()) {
                throw Refused.invalid("The request body must be a JSON object.");
            }
            return body;
        } catch (InvalidJsonException e) {
            throw Refused.invalid("The request body is not valid JSON: " + e.getMessage());
        }
    }

    /** A string field spelt in camelCase or snake_case; both at once must agree. */
    private static Optional<String> field(JsonNode body, String camelCase, String snakeCase) {
        Optional<String> camel = text(body, camelCase);
        Optional<String> snake = camelCase.equals(snakeCase) ? camel : text(body, snakeCase);
        if (camel.isPresent() && snake.isPresent() && !camel.equals(snake)) {
            throw Refused.invalid(camelCase + " and " + snakeCase + " differ; send one of them");
        }
        return camel.or(() -> snake);
    }

    private static Optional<String> text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw Refused.invalid(name + " must be a non-empty string");
        }
        return Optional.of(value.textValue());
    }

    /** From the query string of a GET, from the form of a POST (the consent page's buttons). */
    private static Optional<String> parameter(Request request, String name) {
        MultiValue parameter = request.getMethod().equals(RequestMethod.POST)
                ? request.formParameter(name) : request.queryParameter(name);
        return parameter.isPresent() && !parameter.firstValue().isBlank() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    private static String origin(Request request) {
        URI absolute = URI.create(request.getAbsoluteUrl());
        return absolute.getScheme() + "://" + absolute.getRawAuthority();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

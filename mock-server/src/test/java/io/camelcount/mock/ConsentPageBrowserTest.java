package io.camelcount.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.mock.PartnerClient.Reply;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth consent page (contract §1.2) in headless Chromium: the user allows the app and the browser lands on
 * the partner's redirect URI with a code the partner can exchange, or denies and lands there with an error.
 * {@link OAuthTest} covers the flow over plain HTTP, where the consent page grants at once.
 */
class ConsentPageBrowserTest extends DemoWorkspaceBrowserTest {

    /** Any address of the partner's will do; the mock's own answers 404, which the browser shows after landing. */
    private String callback() {
        return server.baseUrl() + "/crm/count-callback";
    }

    /** What the partner's app does first: asks COUNT where to send the user, then sends the browser there. */
    private void openConsentPage(String state) {
        Reply initiated = ok(new AdminClient(server).get("/auth2/authorize-intiate?clientId=" + DemoWorkspace.CLIENT_ID
                + "&redirectUri=" + URLEncoder.encode(callback(), StandardCharsets.UTF_8) + "&state=" + state));
        chromium.open(initiated.dataText("redirectUri"));
        assertThat(chromium.text(By.id("heading"))).isEqualTo("Authorise " + DemoWorkspace.CLIENT_ID);
        assertThat(chromium.text(By.id("workspace"))).isEqualTo(DemoWorkspace.WORKSPACE_NAME);
        assertThat(chromium.text(By.id("redirect-uri"))).isEqualTo(callback());
    }

    /** The query of the partner's redirect URI once the browser has landed there. */
    private Map<String, String> landedOnCallback() {
        chromium.await(ExpectedConditions.urlMatches("^" + Pattern.quote(callback() + "?")));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(chromium.currentUrl()).getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void allowingSendsTheUserBackWithACodeThePartnerExchangesForTokens() {
        openConsentPage("crm-4711");
        chromium.screenshot("consent-page");

        chromium.find(By.id("approve")).click();

        Map<String, String> callback = landedOnCallback();
        assertThat(callback).containsOnlyKeys("code", "state").containsEntry("state", "crm-4711");
        Reply granted = partner.call("POST", "/partners/grant-access-token")
                .body("{\"grantType\":\"authorization_code\",\"code\":\"" + callback.get("code") + "\"}").token(null).send();
        JsonNode result = ok(granted).data().get("result");
        assertThat(result.get("workspaceId").asText()).isEqualTo(DemoWorkspace.WORKSPACE_UUID.toString());
        assertThat(result.get("accessToken").asText()).isNotBlank();
    }

    @Test
    void denyingSendsTheUserBackWithAccessDeniedAndNoCode() {
        openConsentPage("crm-4712");

        chromium.find(By.id("deny")).click();

        assertThat(landedOnCallback()).containsExactly(Map.entry("error", "access_denied"),
                Map.entry("error_description", "The user denied the app access to the workspace"), Map.entry("state", "crm-4712"));
    }
}

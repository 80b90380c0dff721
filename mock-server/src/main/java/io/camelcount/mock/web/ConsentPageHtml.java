package io.camelcount.mock.web;

import com.github.jknack.handlebars.Template;

/**
 * The HTML of the OAuth consent page (template {@code consent} of {@link HtmlTemplates}): what the app asks
 * for, and Allow and Deny buttons that post the request back to {@code action} with {@code decision}.
 */
public final class ConsentPageHtml {

    private static final Template CONSENT = HtmlTemplates.compile("consent");

    private ConsentPageHtml() {
    }

    private record ConsentView(String clientId, String workspace, String redirectUri, String state, String action) {

        public String title() {
            return "Authorise " + clientId;
        }
    }

    /** @param state the partner's opaque value, or {@code null} when it sent none */
    public static String consent(String clientId, String workspaceName, String redirectUri, String state, String action) {
        return HtmlTemplates.render(CONSENT, new ConsentView(clientId, workspaceName, redirectUri, state, action));
    }
}

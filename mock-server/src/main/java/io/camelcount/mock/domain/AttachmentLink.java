package io.camelcount.mock.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A link a partner attaches to an invoice, as sent; {@code title} is optional. */
public record AttachmentLink(String url, String title) {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
    private static final int LONGEST_URL = 2048;

    static void validate(List<AttachmentLink> links) {
        if (links == null || links.isEmpty()) {
            throw DomainException.validation("attachments", "attachments must hold at least one {\"url\",\"title\"?}");
        }
        for (int i = 0; i < links.size(); i++) {
            links.get(i).validate("attachments[" + i + "].url");
        }
    }

    /** Only web links: a customer opening the invoice must be able to follow them. */
    private void validate(String field) {
        if (url == null) {
            throw DomainException.validation(field, field + " is required");
        }
        if (url.length() > LONGEST_URL) {
            throw DomainException.validation(field, field + " is longer than " + LONGEST_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException notAUri) {
            // answered below like any other link that is not http(s)
        }
        throw DomainException.validation(field, field + " must be an absolute http or https URL, got \"" + url + "\"");
    }
}

package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.camelcount.mock.auth.OAuthTransformer;
import io.camelcount.mock.web.PublicInvoicePage;

import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The partner API's part of the mock's default WireMock mappings: the customer-facing invoice pages, answered by
 * the {@link PublicInvoicePage}, and one catch-all stub for everything else, answered by the
 * {@link PartnerApiTransformer}. The {@code /partners} routes have a stub of their own, answered the same way.
 */
public final class PartnerApiMappings {

    /**
     * Below WireMock's default priority (5), so that a stub a test adds for the same route wins; the public
     * pages' stub is one higher, so that it is tried before the catch-all.
     */
    private static final int PRIORITY = 100;
    /**
     * Above the OAuth routes (50): WireMock tries the stubs in turn, each at the price of a full match, and every
     * partner call would otherwise be tried against the six OAuth stubs and the public pages' first. The two token
     * routes under {@code /partners} are left to OAuth; what this stub leaves out still reaches the catch-all.
     */
    private static final int PARTNER_ROUTES_PRIORITY = 40;
    private static final String PARTNER_ROUTES = "/partners/(?!(?:"
            + Pattern.quote(OAuthTransformer.GRANT_PATH.substring("/partners/".length())) + "|"
            + Pattern.quote(OAuthTransformer.REFRESH_PATH.substring("/partners/".length())) + ")$).*";

    public void loadMappingsInto(StubMappings stubMappings) {
        stubMappings.addMapping(any(urlPathMatching(PARTNER_ROUTES))
                .atPriority(PARTNER_ROUTES_PRIORITY)
                .willReturn(aResponse().withTransformers(PartnerApiTransformer.NAME))
                .build());
        stubMappings.addMapping(any(urlPathMatching(PublicInvoicePage.PATH_PREFIX + ".*"))
                .atPriority(PRIORITY - 1)
                .willReturn(aResponse().withTransformers(PublicInvoicePage.NAME))
                .build());
        stubMappings.addMapping(any(anyUrl())
                .atPriority(PRIORITY)
                .willReturn(aResponse().withTransformers(PartnerApiTransformer.NAME))
                .build());
    }
}

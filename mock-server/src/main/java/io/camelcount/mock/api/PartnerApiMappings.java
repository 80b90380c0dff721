package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.camelcount.mock.web.PublicInvoicePage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The partner API's part of the mock's default WireMock mappings: the customer-facing invoice pages, answered by
 * the {@link PublicInvoicePage}, and one catch-all stub for everything else, answered by the
 * {@link PartnerApiTransformer}.
 */
public final class PartnerApiMappings {

    /**
     * Below WireMock's default priority (5), so that a stub a test adds for the same route wins; the public
     * pages' stub is one higher, so that it is tried before the catch-all.
     */
    private static final int PRIORITY = 100;

    public void loadMappingsInto(StubMappings stubMappings) {
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

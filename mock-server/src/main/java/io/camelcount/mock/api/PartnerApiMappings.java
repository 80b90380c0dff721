package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.camelcount.mock.web.PublicInvoicePage;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * WireMock's default mappings for the mock: the customer-facing invoice pages, answered by the
 * {@link PublicInvoicePage}, and one catch-all stub for everything else, answered by the
 * {@link PartnerApiTransformer}. Being the default mappings, they come back whenever a test calls
 * {@code WireMock.reset()}, and no stub files from the working directory are loaded in their place.
 */
public final class PartnerApiMappings implements MappingsSource {

    /**
     * Below WireMock's default priority (5), so that a stub a test adds for the same route wins; the public
     * pages' stub is one higher, so that it is tried before the catch-all.
     */
    private static final int PRIORITY = 100;

    @Override
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

    /** The mock keeps its state in memory and has no stub files to save to. */
    @Override
    public void save(List<StubMapping> stubMappings) {
        // nothing to persist
    }

    @Override
    public void save(StubMapping stubMapping) {
        // nothing to persist
    }

    @Override
    public void remove(StubMapping stubMapping) {
        // nothing persisted
    }

    @Override
    public void removeAll() {
        // nothing persisted
    }
}

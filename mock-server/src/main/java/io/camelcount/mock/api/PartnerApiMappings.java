package io.camelcount.mock.api;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * WireMock's default mappings for the mock: one catch-all stub answered by the
 * {@link PartnerApiTransformer}. Being the default mapping, it comes back whenever a test calls
 * {@code WireMock.reset()}, and no stub files from the working directory are loaded in its place.
 */
public final class PartnerApiMappings implements MappingsSource {

    /** Below WireMock's default priority (5), so that a stub a test adds for the same route wins. */
    private static final int PRIORITY = 100;

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
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

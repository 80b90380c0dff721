package io.camelcount.mock;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.camelcount.mock.api.PartnerApiMappings;
import io.camelcount.mock.auth.OAuthTransformer;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The mock's default WireMock mappings: the partner API's catch-all, and above it the OAuth routes.
 * Being default mappings they come back after {@code WireMock.reset()}, no stub files from the working
 * directory are loaded in their place, and a stub a test adds at WireMock's default priority still wins over both.
 */
final class CountMappings implements MappingsSource {

    /** Above the partner API's catch-all (100), below WireMock's default priority (5). */
    private static final int OAUTH_PRIORITY = 50;

    private final PartnerApiMappings partnerApi = new PartnerApiMappings();

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        partnerApi.loadMappingsInto(stubMappings);
        for (String path : List.of(OAuthTransformer.INITIATE_PATH, OAuthTransformer.INITIATE_PATH_CORRECTED,
                OAuthTransformer.CONSENT_PATH)) {
            stubMappings.addMapping(get(urlPathEqualTo(path)).atPriority(OAUTH_PRIORITY)
                    .willReturn(aResponse().withTransformers(OAuthTransformer.NAME)).build());
        }
        // The consent page's Allow and Deny buttons post the decision back to it.
        for (String path : List.of(OAuthTransformer.CONSENT_PATH, OAuthTransformer.GRANT_PATH, OAuthTransformer.REFRESH_PATH)) {
            stubMappings.addMapping(post(urlPathEqualTo(path)).atPriority(OAUTH_PRIORITY)
                    .willReturn(aResponse().withTransformers(OAuthTransformer.NAME)).build());
        }
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

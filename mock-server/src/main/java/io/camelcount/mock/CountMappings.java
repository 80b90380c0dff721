package io.camelcount.mock;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
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
 * Loaded as an extension, they are installed whenever WireMock loads its default mappings: at start and again after
 * {@code WireMock.reset()}; a stub a test adds at WireMock's default priority still wins over both.
 */
final class CountMappings implements MappingsLoaderExtension {

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

    @Override
    public String getName() {
        return "count-mappings";
    }
}

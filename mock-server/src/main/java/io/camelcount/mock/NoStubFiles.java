package io.camelcount.mock;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

import java.util.List;

/**
 * {@link CountMockServer}'s mapping source: its mappings come from {@link CountMappings}, so that no stub file of the
 * working directory is loaded beside them, and there are no files to save stubs to.
 */
final class NoStubFiles implements MappingsSource {

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        // no stub files: CountMappings installs the mock's mappings
    }

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

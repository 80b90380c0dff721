package io.camelcount.component;

import io.camelcount.component.auth.InMemoryTokenStore;
import io.camelcount.mock.CountMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that rotate the demo grant's tokens: the mock without its rate limit, reset before each test, and a token
 * store of each test's own, since the mock forgets rotated tokens on reset.
 */
abstract class FreshTokensTestSupport extends MockCountTestSupport {

    @BeforeAll
    static void start() {
        startMock(CountMockServer.builder().rateLimit(0));
    }

    @BeforeEach
    void freshTokens() {
        mock.reset();
    }

    @Override
    CountComponent demoComponent() {
        CountComponent count = super.demoComponent();
        count.getConfiguration().setTokenStore(new InMemoryTokenStore());
        return count;
    }
}

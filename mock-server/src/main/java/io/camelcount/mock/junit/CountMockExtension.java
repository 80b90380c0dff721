package io.camelcount.mock.junit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelcount.mock.CountMockServer;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.seed.DemoWorkspace;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A mock COUNT for JUnit 5 tests: started on a free port before the tests, put back to its starting
 * seed before each test, stopped after them. Beside the mock's state, a test reaches WireMock's own server and
 * client, as with WireMock's {@code WireMockExtension}: {@link #verify}, {@link #findAll}, {@link #getAllServeEvents},
 * {@link #runtimeInfo}. The request journal keeps the last {@value #JOURNAL_ENTRIES} requests (bearer tokens
 * redacted) and, with WireMock's stubs and scenarios, is reset before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static CountMockExtension count = CountMockExtension.builder()
 *         .clockFrozenAt(Instant.parse("2026-11-24T10:00:00Z"))
 *         .configure(server -> server.rateLimit(0).strictSigning(true))
 *         .build();
 *
 * @Test
 * void createsAnInvoice() {
 *     String baseUrl = count.baseUrl();   // sign with DemoWorkspace.CLIENT_ID / CLIENT_SECRET / ACCESS_TOKEN
 * }
 * }</pre>
 *
 * Registered on a static field, one mock serves the whole class and is reset before each test;
 * registered on an instance field, each test gets a mock of its own.
 */
public final class CountMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** Enough for any one test; {@code configure(server -> server.requestJournal(n))} changes it. */
    public static final int JOURNAL_ENTRIES = 1000;

    private final Consumer<CountMockServer.Builder> configuration;
    private final Instant frozenAt;
    private CountMockServer server;
    /** The class or test whose context started the mock, and so stops it: {@code @Nested} classes share it. */
    private String startedBy;

    private CountMockExtension(Consumer<CountMockServer.Builder> configuration, Instant frozenAt) {
        this.configuration = configuration;
        this.frozenAt = frozenAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running mock: its workspaces, outbox and {@link CountMockServer#reset()}. */
    public CountMockServer server() {
        if (server == null) {
            throw new IllegalStateException("The mock COUNT runs only while a test of the class that registers it runs");
        }
        return server;
    }

    /** For example {@code http://localhost:54321}; partner routes are under {@code /partners}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    public MockClock clock() {
        return server().clock();
    }

    /** WireMock's server under the mock: stubs a test adds, near misses, the journal. */
    public WireMockServer wireMock() {
        return server().wireMock();
    }

    /** As WireMock's {@code WireMockExtension} gives it: ports, base URLs and a WireMock client of this mock. */
    public WireMockRuntimeInfo runtimeInfo() {
        return new WireMockRuntimeInfo(wireMock());
    }

    /** WireMock's {@code verify}: fails the test unless at least one request in the journal matched. */
    public void verify(RequestPatternBuilder requests) {
        wireMock().verify(requests);
    }

    /** WireMock's {@code verify}: fails the test unless exactly {@code count} requests in the journal matched. */
    public void verify(int count, RequestPatternBuilder requests) {
        wireMock().verify(count, requests);
    }

    /** The journal's requests that match, oldest first. */
    public List<LoggedRequest> findAll(RequestPatternBuilder requests) {
        return wireMock().findAll(requests);
    }

    /** The journal: every request of this test with the answer it got, newest first. */
    public List<ServeEvent> getAllServeEvents() {
        return wireMock().getAllServeEvents();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfStopped(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (startIfStopped(context)) {
            return;
        }
        server.reset();
        server.wireMock().resetAll();
        if (frozenAt != null) {
            server.clock().set(frozenAt);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    private boolean startIfStopped(ExtensionContext context) {
        if (server != null) {
            return false;
        }
        server = start();
        startedBy = context.getUniqueId();
        return true;
    }

    private void stopIfStartedBy(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(startedBy)) {
            server.stop();
            server = null;
            startedBy = null;
        }
    }

    private CountMockServer start() {
        CountMockServer.Builder builder = CountMockServer.builder().port(0).requestJournal(JOURNAL_ENTRIES);
        configuration.accept(builder);
        if (frozenAt != null) {
            builder.clock(MockClock.fixed(frozenAt));
        }
        return builder.start();
    }

    public static final class Builder {

        private Consumer<CountMockServer.Builder> configuration = server -> {
        };
        private Instant frozenAt;

        private Builder() {
        }

        /**
         * Any option of {@link CountMockServer#builder()}: rate limit, token lifetimes, strict signing,
         * seeds. The port defaults to 0 (a free one); workspaces besides {@link DemoWorkspace} go here too.
         */
        public Builder configure(Consumer<CountMockServer.Builder> configuration) {
            this.configuration = this.configuration.andThen(Objects.requireNonNull(configuration, "configuration"));
            return this;
        }

        /**
         * A clock that stands still at {@code instant} until a test moves it, and is put back there
         * before each test. Without it the mock's clock follows the system clock.
         */
        public Builder clockFrozenAt(Instant instant) {
            this.frozenAt = Objects.requireNonNull(instant, "instant");
            return this;
        }

        public CountMockExtension build() {
            return new CountMockExtension(configuration, frozenAt);
        }
    }
}

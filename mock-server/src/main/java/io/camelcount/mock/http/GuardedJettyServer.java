package io.camelcount.mock.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

import java.util.EnumSet;

/**
 * WireMock's Jetty server with the {@link RequestGuard} in front of both its contexts (the mock's routes and
 * the admin API) and COUNT's envelope for every error Jetty answers itself ({@link EnvelopeErrorHandler}).
 */
public final class GuardedJettyServer extends Jetty11HttpServer {

    /** Set after WireMock's constructor, which installs the guard; read by the guard at each request. */
    private UploadGate uploadGate;

    /**
     * For {@code WireMockConfiguration.httpServerFactory(...)}.
     *
     * @param uploadGate checks an upload's credentials from its headers before its body is read
     */
    public static HttpServerFactory factory(UploadGate uploadGate) {
        return (options, admin, stubs) -> {
            GuardedJettyServer server = new GuardedJettyServer(options, admin, stubs);
            server.uploadGate = uploadGate;
            return server;
        };
    }

    private GuardedJettyServer(Options options, AdminRequestHandler adminRequestHandler,
                               StubRequestHandler stubRequestHandler) {
        super(options, adminRequestHandler, stubRequestHandler);
    }

    @Override
    protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
        super.applyAdditionalServerConfiguration(jettyServer, options);
        jettyServer.setErrorHandler(new EnvelopeErrorHandler());
    }

    @Override
    protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        guard(context);
    }

    /** After WireMock's own configuration, which installs an error handler that answers in HTML. */
    @Override
    protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new EnvelopeErrorHandler());
    }

    @Override
    protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        guard(context);
    }

    @Override
    protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new EnvelopeErrorHandler());
    }

    /** Runs inside WireMock's constructor, where {@link #options} is already set and this class's own fields not yet. */
    private void guard(ServletContextHandler context) {
        context.addFilter(new FilterHolder(new RequestGuard(!options.requestJournalDisabled(), () -> uploadGate)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
    }
}

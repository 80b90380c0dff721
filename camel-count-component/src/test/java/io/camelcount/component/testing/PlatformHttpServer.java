package io.camelcount.component.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.test.AvailablePortFinder;

/** Camel Main's Vert.x platform-http server, which the webhooks consumer receives on, for a test's context. */
public final class PlatformHttpServer {

    private PlatformHttpServer() {
    }

    /** Adds the server to {@code context} on a free port, started and stopped with it; returns the port. */
    public static int addTo(CamelContext context) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setPort(AvailablePortFinder.getNextAvailable());
        context.addService(server);
        return server.getPort();
    }
}

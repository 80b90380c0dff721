package io.camelcount.mock.web;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.Refusals;
import io.camelcount.mock.api.RequestIds;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.Invoice;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.domain.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * The customer-facing invoice page that {@code GET /partners/invoices/{uuid}/public-link} points to:
 * {@code GET /public/invoices/{publicToken}} shows the invoice, and its Pay button posts to
 * {@code /public/invoices/{publicToken}/pay}, which pays the balance in full and redirects back to the
 * page (post/redirect/get, so reloading the page does not pay twice). No authentication: the
 * unguessable token is the customer's access, as with COUNT's own links.
 */
public final class PublicInvoicePage implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "count-public-invoice-page";
    public static final String PATH_PREFIX = "/public/invoices/";

    private static final Logger LOG = LoggerFactory.getLogger(PublicInvoicePage.class);
    private static final Pattern ROUTE = Pattern.compile("/public/invoices/([^/?]+)(/pay)?");

    private final Workspaces workspaces;

    public PublicInvoicePage(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the mock's own stub for {@link #PATH_PREFIX} names this transformer. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request http = serveEvent.getRequest();
        String path = http.getUrl().contains("?") ? http.getUrl().substring(0, http.getUrl().indexOf('?')) : http.getUrl();
        Matcher route = ROUTE.matcher(path);
        boolean page = route.matches() && route.group(2) == null && http.getMethod().equals(RequestMethod.GET);
        boolean pay = route.matches() && route.group(2) != null && http.getMethod().equals(RequestMethod.POST);
        if (!page && !pay) {
            return html(404, InvoicePageHtml.problem("Page not found", "There is no page at this address."));
        }
        String token = route.group(1);
        try {
            Optional<Published> published = find(token);
            if (published.isEmpty()) {
                return html(404, InvoicePageHtml.problem("Invoice not found",
                        "This link does not lead to an invoice. Ask the sender for a new link."));
            }
            Workspace workspace = published.get().workspace();
            if (pay) {
                workspace.payBalance(published.get().invoice().uuid());
                return responseDefinition().withStatus(303).withHeader("Location", PATH_PREFIX + token)
                        .withHeader("X-Request-Id", RequestIds.next()).build();
            }
            return html(200, InvoicePageHtml.invoice(workspace.name(), published.get().invoice(), workspace.today(), token));
        } catch (DomainException refusal) {
            return html(Refusals.status(refusal.kind()), InvoicePageHtml.problem("This invoice cannot be paid here", refusal.getMessage()));
        } catch (RuntimeException bug) {
            LOG.error("{} {} failed", http.getMethod(), path, bug);
            return html(500, InvoicePageHtml.problem("Something went wrong", "The mock COUNT failed unexpectedly; its log has the details."));
        }
    }

    private record Published(Workspace workspace, Invoice invoice) {
    }

    private Optional<Published> find(String token) {
        for (Workspace workspace : workspaces.all()) {
            Optional<Invoice> invoice = workspace.publishedInvoice(token);
            if (invoice.isPresent()) {
                return Optional.of(new Published(workspace, invoice.get()));
            }
        }
        return Optional.empty();
    }

    private static ResponseDefinition html(int status, String body) {
        return responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("X-Request-Id", RequestIds.next())
                .withBody(body.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}

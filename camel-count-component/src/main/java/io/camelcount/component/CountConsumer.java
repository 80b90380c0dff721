package io.camelcount.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelcount.component.api.CountOperation;
import io.camelcount.component.http.CountCalls;
import io.camelcount.component.http.CountRequest;
import io.camelcount.component.http.Pages;
import io.camelcount.component.http.ResourceId;
import io.camelcount.component.json.CountJson;
import io.camelcount.component.model.Page;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Polls a list operation, every page of it, and emits one exchange per record that is new or has changed
 * since it was last seen. A record counts as seen only once the route has handled it, so a failure means
 * it comes again on the next poll rather than being lost.
 */
public class CountConsumer extends ScheduledPollConsumer {

    /** Marks a repository that has been through a first poll, for {@code emitExisting=false}. */
    private static final String FIRST_POLL_DONE = "count:first-poll-done";

    private final CountOperation operation;
    private CountConnections.Hold connection;
    private CountCalls calls;
    private IdempotentRepository seen;
    /** The first page of the list; the filters are the endpoint's options, so it is the same on every poll. */
    private CountRequest firstPage;

    public CountConsumer(CountEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.operation = endpoint.operation();
    }

    @Override
    public CountEndpoint getEndpoint() {
        return (CountEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        connection = getEndpoint().connect();
        calls = getEndpoint().createCalls(connection);
        String query = QueryString.of(getEndpoint(), new DefaultMessage(getEndpoint().getCamelContext()));
        firstPage = new CountRequest(operation.toString(), operation.method(),
                CountProducer.PARTNERS + operation.path(null) + query, null);
        seen = getEndpoint().seenRepository();
        ServiceHelper.startService(seen);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(seen);
        if (connection != null) {
            connection.close();
            connection = null;
            calls = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        boolean firstPoll = !seen.contains(FIRST_POLL_DONE);
        boolean emit = !firstPoll || getEndpoint().getConfiguration().isEmitExisting();
        int emitted = 0;
        CountRequest request = firstPage;
        while (true) {
            Page<JsonNode> page = Pages.read(calls.call(operation, request), request, operation.resultType());
            for (JsonNode record : page.records()) {
                String key = ResourceId.of(record) + ":" + fingerprint(record);
                if (seen.contains(key)) {
                    continue;
                }
                if (!emit) {
                    seen.add(key);
                    continue;
                }
                if (handled(record)) {
                    seen.add(key);
                    emitted++;
                }
            }
            // Page.isLast: COUNT's counts when it sent them, else a short page; an empty page always ends the poll.
            if (page.isLast()) {
                break;
            }
            request = firstPage.onPage(page.page() + 1);
        }
        if (firstPoll) {
            seen.add(FIRST_POLL_DONE);
        }
        return emitted;
    }

    private boolean handled(JsonNode record) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(CountJson.convert(record, operation.resultType()));
            exchange.getMessage().setHeader(CountConstants.UUID, ResourceId.of(record));
            exchange.getMessage().setHeader(CountConstants.STATUS, record.path("status").asText(null));
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Processing COUNT record " + ResourceId.of(record)
                                                      + " failed; it comes again on the next poll", exchange,
                        exchange.getException());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Any change to the record (status, amounts, lines, ...) gives it a new fingerprint. */
    private static String fingerprint(JsonNode record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(record.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

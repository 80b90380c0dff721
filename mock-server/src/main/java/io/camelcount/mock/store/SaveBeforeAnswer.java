package io.camelcount.mock.store;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelcount.mock.api.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the mock's state after a request was handled and before its answer goes out: the partner API, OAuth and
 * public-page handlers are response-definition transformers, so every change they make is done when WireMock
 * transforms the rendered response (the admin API saves on its own). A changed token is written at once, other
 * changes through the background writer ({@link DataDirectory#saveSoon()}). Without a data directory the save does
 * nothing.
 *
 * <p>When the state cannot be written, the answer is replaced by a 503 {@code state_not_saved}: a client is never
 * told of a change (least of all handed a refresh token) that a restart would take back.
 */
public final class SaveBeforeAnswer implements ResponseTransformerV2 {

    private static final Logger LOG = LoggerFactory.getLogger(SaveBeforeAnswer.class);

    private final Runnable save;

    public SaveBeforeAnswer(Runnable save) {
        this.save = save;
    }

    @Override
    public String getName() {
        return "count-save-before-answer";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            save.run();
            return response;
        } catch (StateNotSavedException notSaved) {
            LOG.error("The mock's state could not be saved; answered 503 instead", notSaved);
            ResponseDefinition refusal = ApiResponse.error(503, "state_not_saved", "The mock COUNT could not save its"
                    + " state to its data directory, so the change is not confirmed; its log names the file and the"
                    + " cause. Retry once the directory can be written again.").render();
            return Response.response().status(refusal.getStatus()).headers(refusal.getHeaders())
                    .body(refusal.getByteBody()).build();
        }
    }
}

package io.camelcount.mock.store;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Saves the mock's state after a request is handled and before its answer is sent (WireMock calls this listener
 * for every partner, OAuth and public-page request; the admin API saves on its own): a changed token at once,
 * other changes through the background writer ({@link DataDirectory#saveSoon()}). Without a data directory the save
 * does nothing.
 */
public final class SaveBeforeAnswer implements ServeEventListener {

    private final Runnable save;

    public SaveBeforeAnswer(Runnable save) {
        this.save = save;
    }

    @Override
    public String getName() {
        return "count-save-before-answer";
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        save.run();
    }
}

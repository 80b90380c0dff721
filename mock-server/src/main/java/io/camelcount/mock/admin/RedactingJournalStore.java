package io.camelcount.mock.admin;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.InMemoryRequestJournalStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * WireMock's in-memory request journal, keeping each served request only after {@link JournalRedaction}:
 * what {@code /__admin/requests} and WireMock's verification see holds no credential. Redacting where the
 * journal stores, rather than in a request filter, leaves the request the mock's own code reads untouched.
 */
public final class RedactingJournalStore implements RequestJournalStore {

    private final RequestJournalStore journal = new InMemoryRequestJournalStore();

    /** WireMock's default stores, with this journal in place of the plain one. */
    public static DefaultStores stores(FileSource filesRoot) {
        RedactingJournalStore journal = new RedactingJournalStore();
        return new DefaultStores(filesRoot) {
            @Override
            public RequestJournalStore getRequestJournalStore() {
                return journal;
            }
        };
    }

    @Override
    public void add(ServeEvent event) {
        journal.add(JournalRedaction.redact(event));
    }

    @Override
    public void put(UUID id, ServeEvent event) {
        journal.put(id, JournalRedaction.redact(event));
    }

    @Override
    public Stream<ServeEvent> getAll() {
        return journal.getAll();
    }

    @Override
    public void removeLast() {
        journal.removeLast();
    }

    @Override
    public Stream<UUID> getAllKeys() {
        return journal.getAllKeys();
    }

    @Override
    public Optional<ServeEvent> get(UUID id) {
        return journal.get(id);
    }

    @Override
    public void remove(UUID id) {
        journal.remove(id);
    }

    @Override
    public void clear() {
        journal.clear();
    }
}

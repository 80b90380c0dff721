package io.camelcount.mock.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** All workspaces of the mock COUNT, by UUID. */
public final class Workspaces {

    private final Map<UUID, Workspace> byUuid = new ConcurrentHashMap<>();

    public void add(Workspace workspace) {
        if (byUuid.putIfAbsent(workspace.uuid(), workspace) != null) {
            throw new IllegalArgumentException("Workspace " + workspace.uuid() + " already exists");
        }
    }

    public Optional<Workspace> find(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** Forgets every workspace, so that the mock can be seeded afresh. */
    public void clear() {
        byUuid.clear();
    }

    public Collection<Workspace> all() {
        return List.copyOf(byUuid.values());
    }
}

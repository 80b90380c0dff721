package io.camelcount.mock.seed;

import io.camelcount.mock.auth.PartnerApp;

import java.util.List;
import java.util.stream.Stream;

/** Partner apps and workspaces to add to the mock, as a seed file or {@code POST /__admin/count/seed} gives them. */
public record Seed(List<PartnerApp> partnerApps, List<WorkspaceSeed> workspaces) {

    public static final Seed EMPTY = new Seed(List.of(), List.of());

    public Seed {
        partnerApps = List.copyOf(partnerApps);
        workspaces = List.copyOf(workspaces);
    }

    public Seed plus(Seed more) {
        return new Seed(concat(partnerApps, more.partnerApps), concat(workspaces, more.workspaces));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

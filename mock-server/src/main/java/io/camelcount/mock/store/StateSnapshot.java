package io.camelcount.mock.store;

import io.camelcount.mock.MockState;
import io.camelcount.mock.auth.PartnerApp;
import io.camelcount.mock.auth.TokenState;

import java.time.Instant;
import java.util.List;

/**
 * Everything the mock keeps across a restart, as one file: partner apps, workspaces (catalogue, invoices, credits,
 * transactions and payments, templates, audit log, outbox), tokens and codes, and the clock. Not kept: rate-limit
 * windows, injected faults and the answer variants' counts, which a restart puts back as a reset does.
 *
 * @param version the file format; a mock refuses a file of a version it does not know rather than guess
 * @param savedAt when the file was written, in real time (not the mock's)
 */
record StateSnapshot(int version, Instant savedAt, ClockSnapshot clock, List<PartnerApp> partnerApps,
                     List<WorkspaceSnapshot> workspaces, TokenState tokens) {

    /**
     * 2 added the bank register (transactions, invoices' payments by transaction, accounts' sub-type). A version 1
     * file is refused rather than read: its invoices hold an amount paid that no transaction accounts for.
     */
    static final int VERSION = 2;

    static StateSnapshot of(MockState.Contents contents, ClockSnapshot clock) {
        // Real time, for whoever looks at the file: the mock's own time is in the clock.
        return new StateSnapshot(VERSION, Instant.now(), clock, contents.partnerApps(),
                contents.workspaces().stream().map(WorkspaceSnapshot::of).toList(), contents.tokens());
    }

    MockState.Contents contents() {
        return new MockState.Contents(partnerApps, workspaces.stream().map(WorkspaceSnapshot::restore).toList(), tokens);
    }

    @Override
    public String toString() {
        return "StateSnapshot[version=" + version + ", savedAt=" + savedAt + ", " + workspaces.size() + " workspaces]";
    }
}

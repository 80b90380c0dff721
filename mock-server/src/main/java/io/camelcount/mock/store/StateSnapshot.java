package io.camelcount.mock.store;

import io.camelcount.mock.MockState;
import io.camelcount.mock.auth.PartnerApp;
import io.camelcount.mock.auth.TokenState;
import io.camelcount.mock.webhook.Subscription;

import java.time.Instant;
import java.util.List;

/**
 * Everything the mock keeps across a restart, as one file: partner apps, workspaces (catalogue, invoices, credits,
 * transactions and payments, templates, audit log, outbox), tokens and codes, webhook subscriptions (with their signing
 * secrets, as the partner apps' secrets are) and the clock. Not kept: rate-limit windows, injected faults, the answer
 * variants' counts, which a restart puts back as a reset does, and webhook deliveries, which a restart loses.
 *
 * @param version the file format; a mock refuses a file of a version it does not know rather than guess
 * @param savedAt when the file was written, in real time (not the mock's)
 */
record StateSnapshot(int version, Instant savedAt, ClockSnapshot clock, List<PartnerApp> partnerApps,
                     List<WorkspaceSnapshot> workspaces, TokenState tokens, List<Subscription> webhooks) {

    /**
     * 2 added the bank register (transactions, invoices' payments by transaction, accounts' sub-type). A version 1
     * file is refused rather than read: its invoices hold an amount paid that no transaction accounts for. 3 added the
     * webhook subscriptions; a version 2 file is refused too, as one file format is read per release.
     */
    static final int VERSION = 3;

    static StateSnapshot of(MockState.Contents contents, ClockSnapshot clock) {
        // Real time, for whoever looks at the file: the mock's own time is in the clock.
        return new StateSnapshot(VERSION, Instant.now(), clock, contents.partnerApps(),
                contents.workspaces().stream().map(WorkspaceSnapshot::of).toList(), contents.tokens(),
                contents.webhooks());
    }

    MockState.Contents contents() {
        return new MockState.Contents(partnerApps, workspaces.stream().map(WorkspaceSnapshot::restore).toList(), tokens,
                webhooks);
    }

    @Override
    public String toString() {
        return "StateSnapshot[version=" + version + ", savedAt=" + savedAt + ", " + workspaces.size() + " workspaces]";
    }
}

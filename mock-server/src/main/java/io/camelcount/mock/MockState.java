package io.camelcount.mock;

import io.camelcount.mock.api.AnswerVariants;
import io.camelcount.mock.auth.AccessGrant;
import io.camelcount.mock.auth.Credentials;
import io.camelcount.mock.auth.PartnerApp;
import io.camelcount.mock.auth.RateLimiter;
import io.camelcount.mock.auth.TokenState;
import io.camelcount.mock.auth.Tokens;
import io.camelcount.mock.domain.Actor;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.domain.MockClock;
import io.camelcount.mock.domain.RefusalKind;
import io.camelcount.mock.domain.SendInvoice;
import io.camelcount.mock.domain.Workspace;
import io.camelcount.mock.domain.WorkspaceContents;
import io.camelcount.mock.domain.Workspaces;
import io.camelcount.mock.fault.Faults;
import io.camelcount.mock.seed.InvoiceSeed;
import io.camelcount.mock.seed.Seed;
import io.camelcount.mock.seed.SeedRefusal;
import io.camelcount.mock.seed.WorkspaceSeed;
import io.camelcount.mock.webhook.Subscription;
import io.camelcount.mock.webhook.Webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the mock COUNT holds: workspaces, partner apps, tokens, rate-limit windows, injected
 * faults and the answer variants, with the seed it started from.
 *
 * <p>Seeding and resetting hold this object's lock, so that the admin API never interleaves two of
 * them. A seed is checked in full before anything is applied: a refused seed changes nothing.
 */
public final class MockState {

    /** Who the audit log says made the changes a seed brings. */
    private static final Actor SEED = new Actor("seed");

    private final MockClock clock;
    private final Seed startingSeed;
    private final Workspaces workspaces = new Workspaces();
    /** Seeds by workspace, in seeding order: the names and currencies of the workspaces. */
    private final Map<UUID, WorkspaceSeed> seeded = new LinkedHashMap<>();
    private final Credentials credentials = new Credentials();
    private final Tokens tokens;
    private final RateLimiter rateLimiter;
    private final Faults faults = new Faults();
    private final AnswerVariants variants;
    private final Webhooks webhooks;
    /** Counts resets, seeds and restores, so that a data directory knows when the set of workspaces changed. */
    private final AtomicLong changes = new AtomicLong();
    /** With a data directory: write what changed now, and before a partner answer; nothing otherwise. */
    private volatile Runnable saveChanges = () -> {
    };
    private volatile Runnable saveBeforeAnswer = () -> {
    };

    /**
     * What a data directory keeps: partner apps with their secrets, every workspace in seeding order, the tokens, the
     * webhook subscriptions with their signing secrets.
     */
    public record Contents(List<PartnerApp> partnerApps, List<WorkspaceContents> workspaces, TokenState tokens,
                           List<Subscription> webhooks) {

        public Contents {
            partnerApps = List.copyOf(partnerApps);
            workspaces = List.copyOf(workspaces);
            webhooks = List.copyOf(webhooks);
        }
    }

    MockState(MockClock clock, Tokens tokens, RateLimiter rateLimiter, AnswerVariants variants, Webhooks webhooks,
              Seed startingSeed) {
        this.clock = clock;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.variants = variants;
        this.webhooks = webhooks;
        this.startingSeed = startingSeed;
        seed(startingSeed);
    }

    /**
     * Back to the starting seed: seeded workspaces only, no issued tokens, empty rate-limit windows, no faults, no
     * webhook subscriptions or deliveries, and the answer variants as the mock started (on with its seed, counting
     * afresh, or off).
     */
    public synchronized void reset() {
        changes.incrementAndGet();
        webhooks.reset();
        workspaces.clear();
        seeded.clear();
        credentials.clear();
        tokens.clear();
        rateLimiter.clear();
        faults.clear();
        variants.reset();
        seed(startingSeed);
    }

    /**
     * Adds the seed's partner apps and workspaces; until the next {@link #reset()}.
     *
     * @return the workspaces created
     * @throws SeedRefusal 409 when it clashes with a workspace, client ID or token the mock holds, 400
     *                     when an invoice breaks a business rule; nothing is applied then
     */
    public synchronized List<Workspace> seed(Seed seed) {
        changes.incrementAndGet();
        requireNoClash(seed);
        List<Workspace> created = new ArrayList<>();
        for (int i = 0; i < seed.workspaces().size(); i++) {
            created.add(workspace(seed.workspaces().get(i), "workspaces[" + i + "]"));
        }
        seed.partnerApps().forEach(credentials::register);
        for (int i = 0; i < created.size(); i++) {
            WorkspaceSeed workspace = seed.workspaces().get(i);
            inService(created.get(i));
            seeded.put(workspace.uuid(), workspace);
            workspace.accessGrants().forEach(tokens::grant);
        }
        return created;
    }

    private void requireNoClash(Seed seed) {
        Map<String, PartnerApp> apps = new HashMap<>();
        for (int i = 0; i < seed.partnerApps().size(); i++) {
            PartnerApp app = seed.partnerApps().get(i);
            PartnerApp sameId = apps.putIfAbsent(app.clientId(), app);
            if (!credentials.accepts(app) || (sameId != null && !sameId.equals(app))) {
                throw SeedRefusal.conflict("partnerApps[" + i + "]", "client ID " + app.clientId()
                        + " is already registered with another secret");
            }
        }
        Set<UUID> workspaceUuids = new HashSet<>();
        Set<String> tokensInSeed = new HashSet<>();
        for (int w = 0; w < seed.workspaces().size(); w++) {
            WorkspaceSeed workspace = seed.workspaces().get(w);
            String at = "workspaces[" + w + "]";
            if (workspaces.find(workspace.uuid()).isPresent() || !workspaceUuids.add(workspace.uuid())) {
                throw SeedRefusal.conflict(at + ".uuid", "workspace " + workspace.uuid() + " already exists");
            }
            for (int g = 0; g < workspace.accessGrants().size(); g++) {
                AccessGrant grant = workspace.accessGrants().get(g);
                String grantAt = at + ".accessGrants[" + g + "]";
                if (!apps.containsKey(grant.clientId()) && !credentials.knows(grant.clientId())) {
                    throw SeedRefusal.invalid(grantAt + ".clientId", "no partner app " + grant.clientId()
                            + "; register it under partnerApps");
                }
                for (String token : List.of(grant.accessToken(), grant.refreshToken())) {
                    if (tokens.isTaken(token) || !tokensInSeed.add(token)) {
                        throw SeedRefusal.conflict(grantAt, "a token of this grant is already in use");
                    }
                }
            }
        }
    }

    /** Builds the workspace apart, so that an invoice the domain refuses leaves the mock untouched. */
    private Workspace workspace(WorkspaceSeed seed, String at) {
        Workspace workspace = new Workspace(seed.uuid(), seed.name(), seed.currency(), clock);
        seed.accounts().forEach(workspace::addAccount);
        seed.customers().forEach(workspace::addCustomer);
        seed.products().forEach(workspace::addProduct);
        seed.tags().forEach(workspace::addTag);
        seed.legacyDuplicateInvoices().forEach(workspace::addLegacyDuplicateInvoice);
        for (int i = 0; i < seed.invoices().size(); i++) {
            InvoiceSeed invoice = seed.invoices().get(i);
            String invoiceAt = at + ".invoices[" + i + "]";
            try {
                workspace.createInvoice(SEED, invoice.uuid(), invoice.invoice());
                if (invoice.sent()) {
                    if (workspace.invoice(invoice.uuid()).isDraft()) {
                        workspace.approve(SEED, invoice.uuid());
                    }
                    workspace.send(SEED, invoice.uuid(), new SendInvoice(null, null, null, null, null, null));
                }
            } catch (DomainException refused) {
                String field = refused.field() == null ? invoiceAt : invoiceAt + "." + refused.field();
                throw refused.kind() == RefusalKind.CONFLICT ? SeedRefusal.conflict(field, refused.getMessage())
                        : SeedRefusal.invalid(field, refused.getMessage());
            }
        }
        return workspace;
    }

    /** Everything a data directory keeps, as one reading: no reset or seed runs meanwhile. */
    public synchronized Contents contents() {
        List<WorkspaceContents> contents = new ArrayList<>();
        for (WorkspaceSeed seed : seeded.values()) {
            workspaces.find(seed.uuid()).ifPresent(workspace -> contents.add(workspace.contents()));
        }
        return new Contents(credentials.apps(), contents, tokens.state(), webhooks.subscriptions().all());
    }

    /**
     * Replaces the partner apps, workspaces, tokens and webhook subscriptions with what a data directory kept.
     * Rate-limit windows, faults, answer variants and webhook deliveries are left as they are: the directory does not
     * keep them.
     */
    public synchronized void restore(Contents contents) {
        changes.incrementAndGet();
        workspaces.clear();
        seeded.clear();
        credentials.clear();
        contents.partnerApps().forEach(credentials::register);
        for (WorkspaceContents workspace : contents.workspaces()) {
            inService(Workspace.restore(workspace, clock));
            seeded.put(workspace.uuid(), WorkspaceSeed.builder(workspace.uuid(), workspace.name())
                    .currency(workspace.currency()).build());
        }
        tokens.restore(contents.tokens());
        webhooks.subscriptions().restore(contents.webhooks());
    }

    /** Adds a seeded or restored workspace, whose changes from now on are webhook events. */
    private void inService(Workspace workspace) {
        workspace.publishTo(events -> webhooks.deliveries().publish(workspace, events));
        workspaces.add(workspace);
    }

    /**
     * How many resets, seeds and restores there were (a count that only grows); with each workspace's and the
     * tokens' own counts it tells a data directory whether anything changed since it last saved.
     */
    public long changes() {
        return changes.get();
    }

    /** Called after each admin request: with a data directory, whatever it changed is on disk when this returns. */
    public void saveChanges() {
        saveChanges.run();
    }

    /**
     * Called before each partner, OAuth and public-page answer: with a data directory, a change to tokens or codes is
     * on disk when this returns, other changes are written shortly after (see {@code store.DataDirectory}).
     */
    public void saveBeforeAnswer() {
        saveBeforeAnswer.run();
    }

    void saveChangesWith(Runnable now, Runnable beforeAnswer) {
        this.saveChanges = now;
        this.saveBeforeAnswer = beforeAnswer;
    }

    public MockClock clock() {
        return clock;
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    public Optional<Workspace> workspace(UUID uuid) {
        return workspaces.find(uuid);
    }

    /** The workspaces in the order they were seeded, each with the seed that named it. */
    public synchronized List<WorkspaceSeed> workspaceSeeds() {
        return List.copyOf(seeded.values());
    }

    public synchronized String workspaceName(UUID uuid) {
        WorkspaceSeed seed = seeded.get(uuid);
        return seed == null ? null : seed.name();
    }

    public Credentials credentials() {
        return credentials;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Faults faults() {
        return faults;
    }

    public AnswerVariants variants() {
        return variants;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * Issues the recurring invoices that fell due (their {@code invoice.created} too), starts every webhook delivery due
     * at the clock and waits until none is under way or due, so that a test reads its receiver without sleeping.
     *
     * @return false when {@code timeout} (real time) passed first
     */
    public boolean awaitWebhookDeliveries(Duration timeout) throws InterruptedException {
        workspaces.all().forEach(Workspace::catchUp);
        return webhooks.deliveries().awaitIdle(timeout);
    }
}

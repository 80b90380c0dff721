package io.camelcount.mock.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelcount.mock.domain.DomainException;
import io.camelcount.mock.fault.FaultKind;
import io.camelcount.mock.fault.FaultRule;
import io.camelcount.mock.fault.Faults;

import java.security.SecureRandom;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A fault as the admin API reads and shows it. */
final class FaultJson {

    static final Set<String> FIELDS = Set.of("method", "path", "kind", "status", "retryAfterSeconds", "delayMillis",
            "probability", "times", "seed");
    private static final Pattern ANY_PATH = Pattern.compile(".*");
    private static final long DEFAULT_STATUS = 500;
    private static final long DEFAULT_RETRY_AFTER_SECONDS = 1;
    private static final long DEFAULT_DELAY_MILLIS = 500;
    private static final SecureRandom SEEDS = new SecureRandom();
    /**
     * Responses are JSON as JavaScript reads it, exact for integers up to 2^53 only; a larger seed
     * would come back rounded and no longer repeat the run.
     */
    private static final long LARGEST_SEED = (1L << 53) - 1;

    private FaultJson() {
    }

    static FaultRule rule(AdminRequest request) {
        FaultKind kind = request.text("kind")
                .map(name -> FaultKind.fromWireName(name).orElseThrow(() -> DomainException.validation("kind",
                        "kind must be one of " + FaultKind.wireNames())))
                .orElseThrow(() -> DomainException.validation("kind", "kind is required: one of " + FaultKind.wireNames()));
        Pattern path = request.text("path").map(FaultJson::pattern).orElse(ANY_PATH);
        try {
            return new FaultRule(request.text("method").orElse(null), path, kind,
                    toInt(request.integer("status").orElse(DEFAULT_STATUS)),
                    request.integer("retryAfterSeconds").orElse(DEFAULT_RETRY_AFTER_SECONDS),
                    request.integer("delayMillis").orElse(DEFAULT_DELAY_MILLIS),
                    request.number("probability").orElse(1.0),
                    request.integer("times").map(FaultJson::toInt).orElse(null),
                    seed(request));
        } catch (FaultRule.InvalidFault invalid) {
            throw DomainException.validation(invalid.field(), invalid.getMessage());
        }
    }

    /** The rule's seed, or a random one, which the answer shows so that a run can be repeated. */
    static long seed(AdminRequest request) {
        long seed = request.integer("seed").orElseGet(() -> SEEDS.nextLong(LARGEST_SEED + 1));
        if (seed > LARGEST_SEED || seed < -LARGEST_SEED) {
            throw DomainException.validation("seed", "seed must be a whole number between -(2^53 - 1) and 2^53 - 1,"
                    + " so that JSON keeps it exact");
        }
        return seed;
    }

    /** Out-of-range values stay out of range, so that the rule refuses them with its own message. */
    static int toInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException malformed) {
            throw DomainException.validation("path", "path must be a regular expression: " + malformed.getDescription());
        }
    }

    static ObjectNode toJson(Faults.Status fault) {
        FaultRule rule = fault.rule();
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("id", fault.id())
                .put("method", rule.method())
                .put("path", rule.path().pattern())
                .put("kind", rule.kind().wireName());
        switch (rule.kind()) {
            case SERVER_ERROR -> json.put("status", rule.status());
            case RATE_LIMIT -> json.put("retryAfterSeconds", rule.retryAfterSeconds());
            case DELAY -> json.put("delayMillis", rule.delayMillis());
            case DROP_BEFORE_APPLY, DROP_AFTER_APPLY -> {
                // nothing to configure
            }
        }
        return json.put("probability", rule.probability())
                .put("times", rule.times())
                .put("seed", rule.seed())
                .put("hits", fault.hits())
                .put("remaining", fault.remaining());
    }
}

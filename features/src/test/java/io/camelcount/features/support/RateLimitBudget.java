package io.camelcount.features.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

import io.camelcount.component.CountConfiguration;

/**
 * How long a step may wait for work that goes through COUNT. COUNT allows {@code limit} requests per {@code window}
 * per client ID, and the component waits for a permit rather than be refused; against a real COUNT (or the standalone
 * mock) it really waits, so how long a step takes depends on how many requests it needs and how many scenarios share
 * the limit, not on a fixed number of seconds.
 * <p>
 * The worst case: a scenario sends one request at a time, so while a step sends {@code requests} requests every other
 * scenario running beside it gets at most one permit between two of its own: at most {@code requests × parallelism}
 * permits up to the step's last one. The component's limiter hands out {@code limit} permits per window, the first
 * of them within one window, so the step waits at most {@code ceil(requests × parallelism / limit) + 1} windows for
 * permits. Against the embedded mock the component moves the mock's clock instead of waiting, and the step finishes
 * long before.
 */
public final class RateLimitBudget {

    /**
     * The step's own time besides permits (a file's read lock, the first compile of a route's Groovy): the 30 s the
     * CSV steps allowed when nothing waited for permits.
     */
    private static final Duration BESIDES_PERMITS = Duration.ofSeconds(30);

    /** The limit and window of the component as the suite's {@link CountClient} sets it up: its defaults. */
    private static final CountConfiguration COMPONENT = new CountConfiguration();

    private RateLimitBudget() {
    }

    /** The time {@code requests} requests of one scenario may take, permits included. */
    public static Duration forRequests(int requests) {
        long permitsUpToTheLast = (long) requests * parallelism();
        long windows = (permitsUpToTheLast + limit() - 1) / limit() + 1;
        return window().multipliedBy(windows).plus(BESIDES_PERMITS);
    }

    /** Says what {@link #forRequests} allowed and why, for a timeout's message. */
    public static String explain(int requests) {
        return "up to " + requests + " requests to COUNT, at " + limit() + " requests per " + describe(window())
               + " shared by " + scenarios(parallelism()) + " at a time: allowed " + describe(forRequests(requests))
               + " (see RateLimitBudget)";
    }

    /**
     * What COUNT's rate limit cost the run, for the end of the console output: how long the scenarios waited for
     * permits, as the component's limiter counted it.
     */
    static String summary(String clientId, Duration waited, boolean realWaiting) {
        return "COUNT's rate limit, " + limit() + " requests per " + describe(window()) + " for client ID " + clientId
               + ", shared by " + scenarios(parallelism()) + " at a time: "
               + (realWaiting
                  ? "the run waited " + describe(waited) + " for permits (the scenarios' waits added up)"
                  : "the component moved the mock's clock " + describe(waited) + " for permits instead of waiting");
    }

    /** Permits per window, as the component is configured; the suite never turns the limiter off. */
    public static int limit() {
        return COMPONENT.getRateLimit();
    }

    public static Duration window() {
        return Duration.ofMillis(COMPONENT.getRateLimitWindow());
    }

    /**
     * How many scenarios run at a time, read as Cucumber's JUnit Platform engine reads it: a system property, else
     * {@code junit-platform.properties}.
     */
    static int parallelism() {
        if (!Boolean.parseBoolean(setting("cucumber.execution.parallel.enabled", "false"))) {
            return 1;
        }
        String strategy = setting("cucumber.execution.parallel.config.strategy", "dynamic");
        if (!"fixed".equals(strategy)) {
            throw new IllegalStateException("RateLimitBudget knows the number of scenarios at a time only with"
                                            + " cucumber.execution.parallel.config.strategy=fixed, not " + strategy);
        }
        return Integer.parseInt(setting("cucumber.execution.parallel.config.fixed.parallelism", "1"));
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return duration.toMillis() / 1000.0 + " s";
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    private static String scenarios(int parallelism) {
        return parallelism == 1 ? "1 scenario" : parallelism + " scenarios";
    }

    private static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        return value != null ? value : junitPlatformProperties().getProperty(key, fallback);
    }

    private static Properties junitPlatformProperties() {
        Properties properties = new Properties();
        try (InputStream in = RateLimitBudget.class.getResourceAsStream("/junit-platform.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

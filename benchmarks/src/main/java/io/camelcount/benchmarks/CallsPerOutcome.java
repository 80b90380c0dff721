package io.camelcount.benchmarks;

import java.util.List;

/**
 * What one story cost in COUNT requests for {@code outcomes} business outcomes, beside the fewest COUNT's API allows
 * for them (the anchor), with the reason the fewest is what it is.
 *
 * @param calls  the requests counted in the mock's journal, OAuth token calls left out
 * @param fewest the fewest requests COUNT's API allows for the same outcomes
 */
record CallsPerOutcome(String story, String outcome, int outcomes, List<CountJournal.Call> calls, int fewest,
                       String why) {

    /** COUNT's limit per client ID (contract §2). */
    static final int REQUESTS_PER_MINUTE = 100;

    double perOutcome() {
        return (double) calls.size() / outcomes;
    }

    double fewestPerOutcome() {
        return (double) fewest / outcomes;
    }

    /** 1.0 when the story spends no more than COUNT requires; 0 when neither spends anything. */
    double ratio() {
        return fewest == 0 ? (calls.isEmpty() ? 1.0 : Double.POSITIVE_INFINITY) : (double) calls.size() / fewest;
    }

    /** How many outcomes a client ID gets a minute if this story has COUNT's whole budget. */
    String outcomesPerMinute() {
        return calls.isEmpty() ? "unbounded" : String.format("%.1f", REQUESTS_PER_MINUTE / perOutcome());
    }
}

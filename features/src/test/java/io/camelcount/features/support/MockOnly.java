package io.camelcount.features.support;

import io.cucumber.java.Before;
import org.opentest4j.TestAbortedException;

/**
 * Scenarios tagged {@code @mock-only} need the mock's admin API (its clock, payments, faults, token expiry).
 * Against a real COUNT they are reported as skipped, not left out silently.
 */
public class MockOnly {

    @Before(value = "@mock-only", order = 0)
    public void skipAgainstRealCount() {
        if (CountTarget.isRemote()) {
            throw new TestAbortedException("@mock-only: needs the mock COUNT's admin API; skipped against " + CountTarget.baseUrl());
        }
    }
}

package io.camelcount.mock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A {@link DemoWorkspaceTest} with a fresh headless Chromium for each test. Whatever the browser shows when a
 * test ends, passed or failed, is kept as {@code <test class>-<test method>.png}.
 */
abstract class DemoWorkspaceBrowserTest extends DemoWorkspaceTest {

    HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() {
        chromium = new HeadlessChromium();
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        try {
            chromium.screenshot(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        } finally {
            chromium.close();
        }
    }
}

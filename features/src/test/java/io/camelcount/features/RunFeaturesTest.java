package io.camelcount.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature under {@code src/test/resources/features} on the JUnit Platform, so that
 * {@code ./mvnw verify} runs the acceptance suite with the other tests. Configuration (glue, reports)
 * is in {@code junit-platform.properties}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
public class RunFeaturesTest {
}

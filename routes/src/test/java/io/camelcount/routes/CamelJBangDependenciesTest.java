package io.camelcount.routes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.jbang.dependencies in application.properties, which Camel JBang reads as it is in the source folder (so
 * Maven cannot filter it): the versions written there are this build's.
 */
class CamelJBangDependenciesTest {

    @Test
    void theCliDownloadsTheComponentAndKameletsOfThisBuild() throws IOException {
        Properties application = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            application.load(reader);
        }
        String buildVersion = System.getProperty("camel-count.version");
        assertThat(buildVersion).as("surefire's camel-count.version").isNotBlank();

        assertThat(Arrays.stream(application.getProperty("camel.jbang.dependencies", "").split(",")).map(String::trim))
                .containsExactlyInAnyOrder(
                        "mvn:io.camelcount:camel-count:" + buildVersion,
                        "mvn:io.camelcount:camel-count-kamelets:" + buildVersion,
                        "mvn:com.fasterxml.jackson.dataformat:jackson-dataformat-csv:" + System.getProperty("jackson.version"));
    }
}

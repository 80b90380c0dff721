package io.camelcount.routes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application.properties names each route file instead of a {@code routes/*.camel.yaml} wildcard, which Camel resolves
 * in a jar by reading all of it (the demo's start-up, docs/PERFORMANCE.md): a route file added to the folder but not
 * to the list would silently not run.
 */
class RouteFilesListedTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final Path APPLICATION = Path.of("src/main/resources/application.properties");

    @Test
    void theDemoLoadsEveryRouteFileOfTheFolderAndNothingElse() throws IOException {
        Properties application = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION)) {
            application.load(reader);
        }
        List<String> listed = Arrays.stream(application.getProperty("camel.main.routes-include-pattern").split(","))
                .map(String::strip).sorted().toList();
        List<String> inFolder;
        try (Stream<Path> files = Files.list(ROUTES)) {
            inFolder = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".camel.yaml"))
                    .map(name -> "classpath:routes/" + name).sorted().toList();
        }

        assertThat(inFolder).isNotEmpty();
        assertThat(listed).isEqualTo(inFolder);
    }
}

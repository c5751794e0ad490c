package io.intelsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * Loads every file in {@code routes/} with Camel's YAML DSL, so that an edit that does not parse fails the
 * build before it reaches a deployment.
 */
class RoutesFolderTest {

    private static final List<String> ROUTE_IDS = List.of("sync-schedule", "sync-cycle", "taxii-read-collections",
            "taxii-read-collection", "defender-reconcile", "defender-list-indicators", "defender-resolve-device-groups",
            "defender-import-batch", "defender-delete-batch", "dead-letter", "dead-letter-replay");

    @Test
    void everyRouteFileLoadsWithExplicitIds() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("routes"))) {
            files = listing.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        try (ModelCamelContext context = new DefaultCamelContext()) {
            for (Path file : files) {
                Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + file);
                for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(resource)) {
                    context.addRoutes(builder);
                }
            }
            List<String> ids = context.getRouteDefinitions().stream().map(RouteDefinition::getRouteId).toList();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(ROUTE_IDS);
            assertThat(context.getRouteConfigurationDefinitions()).extracting(d -> d.getId())
                    .containsExactly("sync-error-policy");
            for (RouteDefinition route : context.getRouteDefinitions()) {
                if (!route.getRouteId().equals("dead-letter") && !route.getRouteId().equals("sync-schedule")) {
                    assertThat(route.getRouteConfigurationId()).as(route.getRouteId()).isEqualTo("sync-error-policy");
                }
            }
        }
    }

    @Test
    void routeFilesUseCanonicalNotation() throws IOException {
        try (Stream<Path> listing = Files.list(Path.of("routes"))) {
            for (Path file : listing.toList()) {
                String text = Files.readString(file);
                // Scalar shorthands such as "to: direct:x" make Camel warn about compact notation on every load.
                assertThat(text).as(file.toString()).doesNotContainPattern("(?m)^\\s*-?\\s*(to|log|simple|constant): [^{\\n]");
            }
        }
    }
}

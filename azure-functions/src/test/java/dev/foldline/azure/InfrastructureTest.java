package dev.foldline.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.IncludedPath;
import dev.foldline.azure.cosmos.CosmosClients;
import dev.foldline.azure.cosmos.CosmosContainers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * infra/main.bicep against the code: no Bicep compiler can be installed here (it comes from NuGet),
 * so this reads the file's container blocks and app settings and checks them against what the
 * store creates and the functions read. A container whose partition key or indexed paths drift from
 * {@link CosmosContainers} would make Cosmos refuse the store's queries.
 */
class InfrastructureTest {

    private static final String BICEP = read();

    private static String read() {
        try {
            return Files.readString(Path.of("infra", "main.bicep"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the container resource declared with the given symbolic name. */
    private static String container(String symbol) {
        Matcher start = Pattern.compile("resource " + symbol + " 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@").matcher(BICEP);
        assertThat(start.find()).as("container " + symbol).isTrue();
        int end = BICEP.indexOf("\nresource ", start.end());
        return BICEP.substring(start.start(), end < 0 ? BICEP.length() : end);
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static void assertSameLayout(String symbol, CosmosContainerProperties expected) {
        String block = container(symbol);
        assertThat(matches(block, "paths: \\[ '([^']+)' \\]")).containsExactlyElementsOf(expected.getPartitionKeyDefinition().getPaths());
        assertThat(matches(block, "includedPaths: \\[([^\\]]*)\\]").stream()
                .flatMap(paths -> matches(paths, "path: '([^']+)'").stream()).toList())
                .containsExactlyInAnyOrderElementsOf(expected.getIndexingPolicy().getIncludedPaths().stream()
                        .map(IncludedPath::getPath).toList());
        assertThat(matches(block, "excludedPaths: \\[\\s*\\{ path: '([^']+)' \\}")).containsExactly("/*");
    }

    @Test
    void the_events_container_matches_the_store() {
        assertSameLayout("events", CosmosContainers.events("events"));
        assertThat(container("events")).contains("{ path: '/tenant', order: 'ascending' }", "{ path: '/commit', order: 'ascending' }");
        assertThat(container("events")).doesNotContain("defaultTtl");
    }

    @Test
    void the_checkpoints_container_matches_the_store() {
        assertSameLayout("checkpoints", CosmosContainers.checkpoints("checkpoints"));
    }

    @Test
    void the_leases_container_is_partitioned_by_id_as_the_change_feed_processor_requires() {
        assertThat(matches(container("leases"), "paths: \\[ '([^']+)' \\]")).containsExactly("/id");
    }

    @Test
    void the_function_app_gets_every_setting_the_functions_read() {
        List<String> settings = matches(BICEP, "\\{ name: '([A-Za-z_]+)', value:");

        assertThat(settings).contains(CosmosClients.CONNECTION, "FOLDLINE_COSMOS_DATABASE", "FOLDLINE_COSMOS_EVENTS",
                "FOLDLINE_COSMOS_CHECKPOINTS", "FOLDLINE_COSMOS_LEASES", "FOLDLINE_TENANT_CLAIM", "FOLDLINE_ACTOR_CLAIM",
                "FOLDLINE_ROLES_CLAIM", "FOLDLINE_EXAMPLES", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage");
        assertThat(BICEP).contains("linuxFxVersion: 'Java|17'");
    }

    @Test
    void requests_need_app_service_authentication_which_alone_makes_the_principal_header_trustworthy() {
        assertThat(BICEP).contains("'authsettingsV2'", "requireAuthentication: true", "unauthenticatedClientAction: 'Return401'");
    }
}

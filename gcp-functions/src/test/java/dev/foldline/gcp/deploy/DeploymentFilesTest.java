package dev.foldline.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code firestore.indexes.json} declares the indexes of exactly the queries the store issues, and
 * {@code scripts/deploy-gcp --dry-run} prints the commands that deploy them and the functions,
 * running none; bad options exit 2.
 */
class DeploymentFilesTest {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("scripts/deploy-gcp");

    private static Result script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output.lines().toList());
    }

    private record Result(int exit, List<String> lines) {
    }

    @Test
    void the_one_composite_index_serves_the_stream_queries_and_the_json_fields_are_not_indexed() throws Exception {
        JsonObject config = Json.parseObject(Files.readString(Path.of("firestore.indexes.json")));

        JsonArray indexes = config.getAsJsonArray("indexes");
        assertThat(indexes).hasSize(1);
        JsonObject index = indexes.get(0).getAsJsonObject();
        assertThat(index.get("collectionGroup").getAsString()).isEqualTo("envelopes");
        assertThat(index.get("queryScope").getAsString()).isEqualTo("COLLECTION");
        List<String> fields = new ArrayList<>();
        index.getAsJsonArray("fields").forEach(f -> fields.add(
                f.getAsJsonObject().get("fieldPath").getAsString() + " " + f.getAsJsonObject().get("order").getAsString()));
        assertThat(fields).containsExactly("stream ASCENDING", "version DESCENDING");

        List<String> unindexed = new ArrayList<>();
        for (JsonElement override : config.getAsJsonArray("fieldOverrides")) {
            JsonObject o = override.getAsJsonObject();
            assertThat(o.getAsJsonArray("indexes")).isEmpty();
            unindexed.add(o.get("collectionGroup").getAsString() + "." + o.get("fieldPath").getAsString());
        }
        assertThat(unindexed).containsExactlyInAnyOrder("envelopes.envelope", "envelopes.snapshot",
                "checkpoints.value", "checkpoints.rev");
    }

    @Test
    void a_dry_run_builds_then_deploys_indexes_rules_the_functions_and_the_sweeps_schedule() throws Exception {
        Result result = script("--dry-run", "--project", "demo", "--region", "europe-west1",
                "--tenant-claim", "org", "--gateway-sa", "gw@demo.iam.gserviceaccount.com",
                "--scheduler-sa", "cron@demo.iam.gserviceaccount.com", "--database-location", "eur3");

        assertThat(result.exit()).as(String.join("\n", result.lines())).isZero();
        List<String> lines = result.lines();
        assertThat(lines.get(0)).startsWith("mvn ").contains("-pl gcp-functions -am package");
        assertThat(lines).filteredOn(l -> l.startsWith("gcloud firestore indexes composite create"))
                .singleElement().satisfies(l -> assertThat(l).contains("--collection-group=envelopes",
                        "field-path=stream\\,order=ascending", "field-path=version\\,order=descending"));
        assertThat(lines).filteredOn(l -> l.startsWith("gcloud firestore indexes fields update"))
                .extracting(l -> l.split(" ")[5]).containsExactly("envelope", "snapshot", "value", "rev");
        assertThat(lines).filteredOn(l -> l.startsWith("firebase deploy")).singleElement()
                .satisfies(l -> assertThat(l).contains("firestore:rules", "gcp-functions/firebase.json"));
        assertThat(lines).filteredOn(l -> l.startsWith("gcloud functions deploy foldline-api")).singleElement()
                .satisfies(l -> assertThat(l).contains("--gen2", "--runtime=java21", "--region=europe-west1",
                        "--entry-point=dev.foldline.gcp.HttpApiFunction", "--trigger-http", "--no-allow-unauthenticated",
                        "FOLDLINE_TENANT_CLAIM=org", "--cpu=1", "--concurrency=16"));
        assertThat(lines).filteredOn(l -> l.startsWith("gcloud functions deploy foldline-projections")).singleElement()
                .satisfies(l -> assertThat(l).contains("--entry-point=dev.foldline.gcp.FirestoreTriggerFunction",
                        "--trigger-location=eur3",
                        "--trigger-event-filters=type=google.cloud.firestore.document.v1.created",
                        "--trigger-event-filters-path-pattern=document=tenants/\\{tenant\\}/envelopes/\\{envelope\\}",
                        "--retry"));
        assertThat(lines).filteredOn(l -> l.startsWith("gcloud functions add-invoker-policy-binding foldline-api"))
                .singleElement().satisfies(l -> assertThat(l).contains("serviceAccount:gw@demo.iam.gserviceaccount.com"));
        assertThat(lines).filteredOn(l -> l.startsWith("gcloud functions deploy foldline-parked-retry")).singleElement()
                .satisfies(l -> assertThat(l).contains("--entry-point=dev.foldline.gcp.ParkedRetryFunction",
                        "--no-allow-unauthenticated"));
        assertThat(lines.get(lines.size() - 1)).startsWith("gcloud scheduler jobs create http foldline-parked-retry")
                .contains("--http-method=POST", "--oidc-service-account-email=cron@demo.iam.gserviceaccount.com");
    }

    @Test
    void with_a_concurrency_of_1_each_request_gets_an_instance_at_the_default_cpu() throws Exception {
        Result result = script("--dry-run", "--project", "demo", "--region", "europe-west1", "--concurrency", "1");

        assertThat(result.exit()).as(String.join("\n", result.lines())).isZero();
        assertThat(result.lines()).filteredOn(l -> l.startsWith("gcloud functions deploy foldline-api")).singleElement()
                .satisfies(l -> assertThat(l).doesNotContain("--cpu", "--concurrency"));
    }

    @Test
    void an_unknown_option_a_missing_value_or_a_missing_required_option_exits_2_with_usage() throws Exception {
        for (String[] args : List.of(
                new String[] {"--dry-run", "--project", "p", "--region", "r", "--bogus"},
                new String[] {"--dry-run", "--project", "--region", "r"},
                new String[] {"--dry-run", "--region", "r"},
                new String[] {"--dry-run", "--project", "p", "--region", "r", "--identity", "maybe"},
                new String[] {"--dry-run", "--project", "p", "--region", "r", "--concurrency", "0"},
                new String[] {"--dry-run", "--project", "p", "--region", "r", "--concurrency", "1001"},
                new String[] {"--dry-run", "--project", "p", "--region", "r", "--concurrency", "many"})) {
            Result result = script(args);
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.lines()).anySatisfy(l -> assertThat(l).contains("scripts/deploy-gcp --project ID"));
        }
    }
}

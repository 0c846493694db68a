package dev.foldline.aws.dynamodb;

import static dev.foldline.store.contract.Envelopes.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aws.RequestCounter;
import dev.foldline.http.Warmup;
import dev.foldline.http.identity.ClaimsMapper;
import dev.foldline.http.identity.VerifiedClaimsIdentity;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.EventStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The priming twin: a store whose requests are answered in process, never by the table. */
class LocalAnswersTest {

    private static final StreamId STREAM = new StreamId("t", "numbers", "n-1");

    @Test
    void the_twin_commits_and_reads_nothing_without_reaching_the_network_or_the_callers_interceptors() throws IOException {
        RequestCounter seen = new RequestCounter();
        try (DynamoDbClient unreachable = clientOf(closedPort(), seen)) {
            DynamoDbEventStore store = new DynamoDbEventStore(unreachable, DynamoDbStoreOptions.defaults("no-table"));
            List<Object> answers = new ArrayList<>();
            store.withLocalAnswers(twin -> {
                answers.add(twin.append(envelope(STREAM, 1, "Added"), null));
                answers.add(twin.load(STREAM, -1).envelopes());
                answers.add(twin.read(STREAM, 0, 10));
            });

            assertThat(answers).containsExactly(AppendResult.COMMITTED, List.of(), List.of());
            assertThat(seen.operations()).isEmpty();
            // The store itself does reach for the network, and finds nothing there.
            assertThatThrownBy(() -> store.load(STREAM, -1)).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void a_dry_run_on_the_twin_answers_as_on_an_empty_table() throws IOException {
        try (DynamoDbClient unreachable = clientOf(closedPort(), new RequestCounter())) {
            List<Integer> statuses = new ArrayList<>();
            new DynamoDbEventStore(unreachable, DynamoDbStoreOptions.defaults("no-table")).withLocalAnswers(twin ->
                    statuses.addAll(Warmup.dryRun(new VerifiedClaimsIdentity(ClaimsMapper.defaults()), Map.of(),
                            Map.of("tenant", "-", "sub", "-"), twin)));

            // Commands commit and the aggregate is answered from the handler's cache; the twin keeps
            // nothing, so its envelopes are not found.
            assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 404, 400, 404);
        }
    }

    private static DynamoDbClient clientOf(URI endpoint, RequestCounter interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptor)))
                .build();
    }

    /** A loopback port nothing listens on. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}

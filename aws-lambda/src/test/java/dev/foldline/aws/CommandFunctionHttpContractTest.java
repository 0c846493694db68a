package dev.foldline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.http.HttpOptions;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.ContractApplication;
import dev.foldline.http.contract.HttpContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The whole HTTP contract against the command function on DynamoDB Local, through API Gateway
 * HTTP API events. Projections are what production runs: the table's real stream, read through
 * the Streams API, handed to the stream function.
 */
@ExtendWith(LocalDynamoDb.class)
class CommandFunctionHttpContractTest implements HttpContract {

    private static CommandFunction commands;
    private static StreamFunction projections;
    private static TableStream stream;

    @BeforeAll
    static void start() {
        DynamoDbClient client = LocalDynamoDb.client();
        String table = LocalDynamoDb.newTable(client);
        AwsRuntime runtime = AwsRuntime.of(new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(table)),
                List.of(new ExamplesApplication(), new ContractApplication()), Map.of());
        commands = new CommandFunction(runtime);
        projections = new StreamFunction(runtime);
        stream = new TableStream(client, LocalDynamoDb.streamsClient(), table);
    }

    @Override
    public AdapterClient client() {
        return new ApiGatewayClient(commands);
    }

    @Override
    public int maxBodyBytes() {
        return HttpOptions.DEFAULT_MAX_BODY_BYTES;
    }

    @Override
    public void deliverProjections() {
        List<Record> records = stream.readNew();
        if (!records.isEmpty()) {
            StreamsEventResponse response = projections.handleRequest(StreamRecords.event(records, stream.arn()), null);
            assertThat(response.getBatchItemFailures()).isEmpty();
        }
    }
}

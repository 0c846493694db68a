package dev.foldline.azure;

import dev.foldline.azure.cosmos.CosmosContainers;
import dev.foldline.azure.cosmos.CosmosEventStore;
import dev.foldline.azure.cosmos.CosmosStoreOptions;
import dev.foldline.examples.ExamplesApplication;
import dev.foldline.http.HttpOptions;
import dev.foldline.http.contract.AdapterClient;
import dev.foldline.http.contract.ContractApplication;
import dev.foldline.http.contract.HttpContract;
import dev.foldline.trace.Tracer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole HTTP contract against the command function on the Cosmos imitation, through fakes of
 * the Functions request and response types. Projections are what production runs: the events
 * container's real change feed handed to the change-feed function.
 */
@ExtendWith(CosmosImitation.class)
class CommandFunctionHttpContractTest implements HttpContract {

    private static CommandFunction commands;
    private static ChangeFeedFunction projections;
    private static EventsFeed feed;

    @BeforeAll
    static void start() {
        CosmosStoreOptions options = CosmosStoreOptions.defaults("contract-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        AzureRuntime runtime = AzureRuntime.of(new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP),
                List.of(new ExamplesApplication(), new ContractApplication()), Map.of(CommandFunction.AUTH_ENABLED, "True"));
        commands = new CommandFunction(runtime);
        projections = new ChangeFeedFunction(runtime);
        feed = new EventsFeed(CosmosImitation.client().getDatabase(options.database()).getContainer(options.events()));
    }

    @Override
    public AdapterClient client() {
        return new FunctionsClient(commands);
    }

    @Override
    public int maxBodyBytes() {
        return HttpOptions.DEFAULT_MAX_BODY_BYTES;
    }

    @Override
    public void deliverProjections() {
        List<String> documents = feed.readNew();
        if (!documents.isEmpty()) {
            projections.project(documents);
        }
    }
}

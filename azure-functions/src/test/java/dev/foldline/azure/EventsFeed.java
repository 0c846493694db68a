package dev.foldline.azure;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The events container's real change feed, read with the SDK's pull model from where the last read
 * stopped: what the Functions host's Cosmos DB trigger would hand the change-feed function next.
 */
final class EventsFeed {

    private final CosmosContainer container;
    private String continuation;

    EventsFeed(CosmosContainer container) {
        this.container = container;
    }

    /** The documents changed since the last call, as JSON text (as the trigger delivers them). */
    synchronized List<String> readNew() {
        CosmosChangeFeedRequestOptions options = continuation == null
                ? CosmosChangeFeedRequestOptions.createForProcessingFromBeginning(FeedRange.forFullRange())
                : CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(continuation);
        List<String> documents = new ArrayList<>();
        for (FeedResponse<JsonNode> page : container.queryChangeFeed(options, JsonNode.class).iterableByPage()) {
            page.getResults().forEach(doc -> documents.add(doc.toString()));
            continuation = page.getContinuationToken();
            if (page.getResults().isEmpty()) {
                break;
            }
        }
        return documents;
    }
}

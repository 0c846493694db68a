package dev.foldline.azure.cosmos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foldline.projection.Delivery;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents of the events container as the change feed delivers them (JSON text, as the Cosmos DB
 * trigger hands them to a Java function), turned into deliveries for the projector. Anything that
 * is not an envelope document is ignored.
 */
public final class CosmosChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CosmosChanges() {
    }

    /**
     * @return each envelope with its position in the feed: the document's {@code _lsn} (Cosmos's
     *         log sequence number, increasing within a partition), or its place in the batch when
     *         a feed leaves it out
     */
    public static List<Delivery<Long>> deliveries(Iterable<String> documents) {
        List<Delivery<Long>> deliveries = new ArrayList<>();
        long index = 0;
        for (String text : documents) {
            index++;
            JsonNode doc = parse(text);
            if (doc != null && EventDocuments.isEnvelope(doc)) {
                long position = doc.path("_lsn").isNumber() ? doc.get("_lsn").asLong() : index;
                deliveries.add(new Delivery<>(position, EventDocuments.envelopeOf(doc)));
            }
        }
        return deliveries;
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package dev.foldline.azure.cosmos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foldline.model.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents of the events container as the change feed delivers them (JSON text, as the Cosmos DB
 * trigger hands them to a Java function), turned into envelopes for the projector. Anything that
 * is not an envelope document is ignored.
 */
public final class CosmosChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CosmosChanges() {
    }

    public static List<Envelope> envelopes(Iterable<String> documents) {
        List<Envelope> envelopes = new ArrayList<>();
        for (String text : documents) {
            JsonNode doc = parse(text);
            if (doc != null && EventDocuments.isEnvelope(doc)) {
                envelopes.add(EventDocuments.envelopeOf(doc));
            }
        }
        return envelopes;
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

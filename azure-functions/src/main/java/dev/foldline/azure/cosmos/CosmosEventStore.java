package dev.foldline.azure.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foldline.errors.TooLarge;
import dev.foldline.model.Envelope;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.CheckpointStore;
import dev.foldline.store.EventStore;
import dev.foldline.store.Page;
import dev.foldline.store.StreamSlice;
import dev.foldline.store.support.CommitOrderReads;
import dev.foldline.store.support.ReadPosition;
import dev.foldline.trace.Tracer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The event store on Cosmos DB (see {@link EventDocuments} for the documents).
 *
 * <ul>
 *   <li>append = one create of the envelope's document, the snapshot riding in it when one is due:
 *       one request, one document write. A 409 is a conflict, read nothing more: Cosmos does not
 *       say what holds the version, and the command handler's catch-up read after a conflict
 *       recognises the attempt's own earlier write (a resend whose first answer was lost).</li>
 *   <li>load, cold = one query of the stream's partition, newest first, that stops at the newest
 *       snapshot (the SDK fetches a query plan for it first: two requests). After a known version
 *       (a catch-up) = one query without ORDER BY, whose plan the SDK caches: one request.</li>
 *   <li>readAll = a query of the tenant's envelopes by commit key with a settle window, through the
 *       core's {@link CommitOrderReads} (see the README, "Ordering").</li>
 * </ul>
 */
public final class CosmosEventStore implements EventStore {

    /** Cosmos's item size limit. */
    static final int MAX_ITEM_BYTES = 2 * 1024 * 1024;
    /** Room kept for the system properties Cosmos adds to a document (_rid, _self, _etag, _ts...). */
    static final int SYSTEM_PROPERTIES_BYTES = 1024;
    private static final int QUERY_PAGE_SIZE = 100;

    private final CosmosContainer events;
    private final CosmosStoreOptions options;
    private final CosmosCheckpointStore checkpoints;
    private final RequestCharges charges;

    public CosmosEventStore(CosmosClient client, CosmosStoreOptions options, Tracer tracer) {
        this.options = options;
        this.events = client.getDatabase(options.database()).getContainer(options.events());
        this.checkpoints = new CosmosCheckpointStore(client.getDatabase(options.database()).getContainer(options.checkpoints()));
        this.charges = new RequestCharges(tracer);
    }

    public CosmosStoreOptions options() {
        return options;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        long started = System.nanoTime();
        RequestCharges.Tally tally = charges.tally();
        SqlParameter after = new SqlParameter("@after", knownVersion);
        List<JsonNode> docs = knownVersion < 0
                // Newest first, stopping at the newest snapshot: a long history behind it is never read.
                ? query(stream, new SqlQuerySpec("SELECT * FROM c WHERE c.version > @after ORDER BY c.version DESC", after),
                        EventDocuments::hasSnapshot, tally)
                // A catch-up reads a short tail: no ORDER BY, so no query plan request.
                : query(stream, new SqlQuerySpec("SELECT * FROM c WHERE c.version > @after", after), doc -> false, tally);
        Optional<Snapshot> snapshot = docs.stream()
                .filter(EventDocuments::hasSnapshot)
                .max(Comparator.comparingLong(EventDocuments::versionOf))
                .map(EventDocuments::snapshotOf);
        List<Envelope> envelopes = envelopesAfter(docs, snapshot.map(Snapshot::version).orElse(knownVersion));
        charges.trace(Tracer.Operation.LOAD, stream, "load", tally, started);
        return new StreamSlice(snapshot, envelopes);
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        if (snapshot != null && snapshot.version() != envelope.version()) {
            throw new IllegalArgumentException("a snapshot is appended with the envelope of its version");
        }
        long started = System.nanoTime();
        RequestCharges.Tally tally = charges.tally();
        ObjectNode doc = EventDocuments.envelope(envelope);
        int size = EventDocuments.sizeOf(doc) + SYSTEM_PROPERTIES_BYTES;
        if (size > MAX_ITEM_BYTES) {
            throw new TooLarge("the envelope takes " + size + " bytes stored; Cosmos DB's item limit is " + MAX_ITEM_BYTES);
        }
        if (snapshot != null) {
            EventDocuments.addSnapshot(doc, snapshot);
            if (EventDocuments.sizeOf(doc) + SYSTEM_PROPERTIES_BYTES > MAX_ITEM_BYTES) {
                // A snapshot only saves reads: drop it rather than refuse the envelope.
                EventDocuments.removeSnapshot(doc);
            }
        }
        PartitionKey partition = EventDocuments.partitionKey(envelope.stream());
        AppendResult result = create(doc, partition, tally) ? AppendResult.COMMITTED : AppendResult.CONFLICT;
        charges.trace(Tracer.Operation.COMMIT, envelope.stream(), envelope.command() + " " + result, tally, started);
        return result;
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        long from = Math.max(0, fromVersion);
        if (from > toVersion) {
            return List.of();
        }
        List<JsonNode> docs = query(stream, new SqlQuerySpec(
                "SELECT * FROM c WHERE c.version >= @from AND c.version <= @to",
                new SqlParameter("@from", from),
                new SqlParameter("@to", toVersion)), doc -> false, charges.tally());
        return envelopesAfter(docs, from - 1);
    }

    /**
     * Reads the tenant's envelopes by commit key from the position's watermark, skipping what the
     * reader was given, until it has {@code limit} new ones and one more (to know whether there
     * are more). The commit key starts with the writer's commit stamp in nanoseconds, not Cosmos's
     * {@code _ts} (whole seconds), and ends with the stream and version, so the order is total.
     */
    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        ReadPosition position = ReadPosition.decode(afterPosition);
        List<SqlParameter> parameters = new ArrayList<>(List.of(
                new SqlParameter("@tenant", tenant), new SqlParameter("@kind", EventDocuments.KIND_ENVELOPE)));
        String sql = "SELECT * FROM c WHERE c.tenant = @tenant AND c.kind = @kind";
        if (position.watermark() != null) {
            sql += " AND c.commit >= @watermark";
            parameters.add(new SqlParameter("@watermark", position.watermark()));
        }
        sql += " ORDER BY c.commit";
        int wanted = limit + 1;
        List<JsonNode> found = new ArrayList<>();
        pages:
        for (FeedResponse<JsonNode> page : events.queryItems(new SqlQuerySpec(sql, parameters),
                new CosmosQueryRequestOptions(), JsonNode.class).iterableByPage(Math.min(QUERY_PAGE_SIZE,
                wanted + position.delivered().size()))) {
            for (JsonNode doc : page.getResults()) {
                if (!position.wasDelivered(EventDocuments.commitKeyOf(doc))) {
                    found.add(doc);
                    if (found.size() == wanted) {
                        break pages;
                    }
                }
            }
        }
        return CommitOrderReads.page(found, EventDocuments::commitKeyOf, EventDocuments::envelopeOf, position, limit,
                options.clock().instant().minus(options.settleWindow()));
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    private boolean create(ObjectNode doc, PartitionKey partition, RequestCharges.Tally tally) {
        try {
            tally.add(events.createItem(doc, partition, null).getRequestCharge());
            return true;
        } catch (CosmosException e) {
            tally.add(e.getRequestCharge());
            if (e.getStatusCode() == CosmosFailures.CONFLICT) {
                return false;
            }
            throw CosmosFailures.translate(e);
        }
    }

    /** The query's documents in the stream's partition, page by page, until one satisfies {@code last}. */
    private List<JsonNode> query(StreamId stream, SqlQuerySpec spec, Predicate<JsonNode> last, RequestCharges.Tally tally) {
        CosmosQueryRequestOptions requestOptions = new CosmosQueryRequestOptions()
                .setPartitionKey(EventDocuments.partitionKey(stream));
        List<JsonNode> docs = new ArrayList<>();
        try {
            for (FeedResponse<JsonNode> page : events.queryItems(spec, requestOptions, JsonNode.class)
                    .iterableByPage(QUERY_PAGE_SIZE)) {
                tally.add(page.getRequestCharge());
                for (JsonNode doc : page.getResults()) {
                    docs.add(doc);
                    if (last.test(doc)) {
                        return docs;
                    }
                }
            }
        } catch (CosmosException e) {
            throw CosmosFailures.translate(e);
        }
        return docs;
    }

    private static List<Envelope> envelopesAfter(List<JsonNode> docs, long after) {
        return docs.stream()
                .filter(EventDocuments::isEnvelope)
                .filter(doc -> EventDocuments.versionOf(doc) > after)
                .sorted(Comparator.comparingLong(EventDocuments::versionOf))
                .map(EventDocuments::envelopeOf)
                .toList();
    }
}

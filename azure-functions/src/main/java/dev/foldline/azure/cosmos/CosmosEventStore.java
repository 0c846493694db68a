package dev.foldline.azure.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.implementation.ImplementationBridgeHelpers;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedRange;
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
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The event store on Cosmos DB (see {@link EventDocuments} for the documents).
 *
 * <ul>
 *   <li>append = one create of the envelope's document, the snapshot riding in it when one is due:
 *       one request, one document write. A 409 is a conflict and nothing more is read: Cosmos
 *       does not say what holds the version, and the command handler's catch-up read after a
 *       conflict recognises the attempt's own earlier write (a resend whose first answer was lost).</li>
 *   <li>load, cold = one query of the stream's first {@value #QUERY_PAGE_SIZE} versions, without
 *       ORDER BY (its plan cached by the SDK): one request for a stream that short; a longer stream
 *       is then read newest first down to its newest snapshot (a query plan and a query). After a
 *       known version (a catch-up) = the same query from that version: one request.</li>
 *   <li>loadAt (a versioned read) = the cold load's query bounded by the version: one request
 *       when a snapshot lies within {@value #QUERY_PAGE_SIZE} versions below it.</li>
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
        List<JsonNode> docs = knownVersion < 0
                ? fromNewestSnapshot(stream, tally)
                : after(stream, knownVersion, tally);
        charges.trace(Tracer.Operation.LOAD, stream, "load", tally, started);
        return sliceOf(docs, knownVersion);
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
        List<JsonNode> docs = query(inPartition(stream), new SqlQuerySpec(
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

    /**
     * A query across partitions of every stream's first envelope, for its tenant: one document
     * per stream is read (Cosmos's DISTINCT across partitions needs a query plan the imitation
     * cannot give).
     */
    @Override
    public List<String> tenants() {
        SqlQuerySpec firsts = new SqlQuerySpec("SELECT * FROM c WHERE c.kind = @kind AND c.version = 0",
                new SqlParameter("@kind", EventDocuments.KIND_ENVELOPE));
        TreeSet<String> tenants = new TreeSet<>();
        try {
            for (FeedResponse<JsonNode> page : events.queryItems(firsts, new CosmosQueryRequestOptions(), JsonNode.class)
                    .iterableByPage(QUERY_PAGE_SIZE)) {
                page.getResults().forEach(doc -> tenants.add(doc.get(EventDocuments.TENANT).asText()));
            }
        } catch (CosmosException e) {
            throw CosmosFailures.translate(e);
        }
        return List.copyOf(tenants);
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

    /**
     * What a cold load needs: the stream from its newest snapshot on, read newest first and
     * stopping at the newest snapshot, so a long history behind it is never read. The newest
     * {@value #QUERY_PAGE_SIZE} come in one request (a TOP query has no continuation, so the SDK
     * fetches no page ahead), which holds the newest snapshot unless snapshots are rarer than that;
     * only then are older versions read, page by page. Neither query asks for a query plan (see
     * {@link #withinPartition}).
     */
    private List<JsonNode> fromNewestSnapshot(StreamId stream, RequestCharges.Tally tally) {
        return newestFirstToSnapshot(stream, "", List.of(), tally);
    }

    /**
     * The query of a cold load bounded above by the version: every envelope's document can hold
     * the snapshot taken at its version, so the newest one at or below it is on the way down.
     */
    @Override
    public StreamSlice loadAt(StreamId stream, long version) {
        long started = System.nanoTime();
        RequestCharges.Tally tally = charges.tally();
        List<JsonNode> docs = newestFirstToSnapshot(stream, " AND c.version <= @upTo",
                List.of(new SqlParameter("@upTo", version)), tally);
        charges.trace(Tracer.Operation.LOAD, stream, "load at " + version, tally, started);
        return sliceOf(docs, -1);
    }

    /** The stream's documents matching the extra condition, newest first, down to the first holding a snapshot. */
    private List<JsonNode> newestFirstToSnapshot(StreamId stream, String condition, List<SqlParameter> bounds,
                                                 RequestCharges.Tally tally) {
        List<SqlParameter> parameters = new ArrayList<>(bounds);
        parameters.add(new SqlParameter("@stream", EventDocuments.partitionValue(stream)));
        String inStream = "SELECT * FROM c WHERE c." + EventDocuments.PARTITION + " = @stream" + condition;
        List<JsonNode> docs = query(withinPartition(stream), new SqlQuerySpec("SELECT TOP " + QUERY_PAGE_SIZE
                + " * FROM c WHERE c." + EventDocuments.PARTITION + " = @stream" + condition + " ORDER BY c.version DESC",
                parameters), EventDocuments::hasSnapshot, tally);
        if (docs.size() < QUERY_PAGE_SIZE || EventDocuments.hasSnapshot(docs.get(docs.size() - 1))) {
            return docs;
        }
        long lowest = EventDocuments.versionOf(docs.get(docs.size() - 1));
        List<SqlParameter> older = new ArrayList<>(parameters);
        older.add(new SqlParameter("@lowest", lowest));
        docs.addAll(query(withinPartition(stream), new SqlQuerySpec(inStream
                + " AND c.version < @lowest ORDER BY c.version DESC", older), EventDocuments::hasSnapshot, tally));
        return docs;
    }

    /**
     * Options for an ordered query of one stream that ask the gateway for no query plan: inside one
     * logical partition the partition itself executes the whole query, ORDER BY included; a plan
     * only matters to merge results across partitions, and without this switch the SDK fetches one
     * before every ORDER BY query, a second request per cold load. The SDK allows the switch for a
     * query scoped by feed range (the stream's logical partition); the query also names the stream
     * in its WHERE clause, which costs nothing and keeps it exact wherever scoping by feed range
     * is not honoured. The switch is the SDK's bridge accessor that the Cosmos team points to for
     * this (azure-sdk-for-java issue 28275); azure-cosmos is pinned, and a round-trip test counts
     * the requests.
     */
    private static CosmosQueryRequestOptions withinPartition(StreamId stream) {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions()
                .setFeedRange(FeedRange.forLogicalPartition(EventDocuments.partitionKey(stream)));
        return ImplementationBridgeHelpers.CosmosQueryRequestOptionsHelper.getCosmosQueryRequestOptionsAccessor()
                .disallowQueryPlanRetrieval(options);
    }

    /** Options for a plain query of one stream: its partition key (such a query's plan is cached). */
    private static CosmosQueryRequestOptions inPartition(StreamId stream) {
        return new CosmosQueryRequestOptions().setPartitionKey(EventDocuments.partitionKey(stream));
    }

    /** The stream's documents after a version, window by window until one is not full. */
    private List<JsonNode> after(StreamId stream, long version, RequestCharges.Tally tally) {
        List<JsonNode> docs = new ArrayList<>();
        for (long after = version; ; after += QUERY_PAGE_SIZE) {
            List<JsonNode> window = window(stream, after, tally);
            docs.addAll(window);
            if (window.size() < QUERY_PAGE_SIZE) {
                return docs;
            }
        }
    }

    /**
     * The documents of the {@value #QUERY_PAGE_SIZE} versions after {@code after}: one request. No
     * ORDER BY, so the SDK caches the query's plan; and a window fits in a page (documents near the
     * item limit aside), so the SDK never fetches a page ahead that is not needed. Versions have no
     * gaps, so a window that is not full is the end of the stream.
     */
    private List<JsonNode> window(StreamId stream, long after, RequestCharges.Tally tally) {
        return query(inPartition(stream), new SqlQuerySpec("SELECT * FROM c WHERE c.version > @after AND c.version <= @until",
                new SqlParameter("@after", after), new SqlParameter("@until", after + QUERY_PAGE_SIZE)), doc -> false, tally);
    }

    /**
     * The query's documents in the stream's partition, page by page, until one satisfies
     * {@code last}. A page may hold one more document than a window or a TOP: Cosmos may end a
     * page filled to the brim with a continuation whose next page is empty (the imitation does not),
     * and the SDK would fetch that page ahead, a request more.
     */
    private List<JsonNode> query(CosmosQueryRequestOptions options, SqlQuerySpec spec, Predicate<JsonNode> last,
                                 RequestCharges.Tally tally) {
        List<JsonNode> docs = new ArrayList<>();
        try {
            for (FeedResponse<JsonNode> page : events.queryItems(spec, options, JsonNode.class)
                    .iterableByPage(QUERY_PAGE_SIZE + 1)) {
                for (JsonNode doc : tally.counted(page).getResults()) {
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

    /** The newest snapshot among the documents, and the envelopes after it (or after the known version). */
    private static StreamSlice sliceOf(List<JsonNode> docs, long knownVersion) {
        Optional<Snapshot> snapshot = docs.stream()
                .filter(EventDocuments::hasSnapshot)
                .max(Comparator.comparingLong(EventDocuments::versionOf))
                .map(EventDocuments::snapshotOf);
        return new StreamSlice(snapshot, envelopesAfter(docs, snapshot.map(Snapshot::version).orElse(knownVersion)));
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

package dev.foldline.aws.dynamodb;

import static dev.foldline.aws.dynamodb.ConditionalWrite.conditionally;

import dev.foldline.errors.TooLarge;
import dev.foldline.json.EnvelopeCodec;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The event store on one DynamoDB table (see {@link StoreItem} for the item layout).
 *
 * <ul>
 *   <li>append = one PutItem conditional on the version being free; the snapshot rides on the
 *       envelope's item, so the two are atomic and a snapshot can never be ahead of the events.</li>
 *   <li>load = one strongly consistent Query on the stream's partition, newest first, that stops at
 *       the newest snapshot: a first page of {@value #FIRST_LOAD_PAGE} items, more pages only for
 *       long tails without a snapshot. A versioned read is the same Query from the version down.</li>
 *   <li>readAll = the sparse {@code byTenant} index, ordered by commit stamp, read with a settle
 *       window so that late commits are never missed (see {@link dev.foldline.store.support}).</li>
 * </ul>
 */
public final class DynamoDbEventStore implements EventStore {

    /**
     * Items the first page of a load reads, newest first. A Query is charged for every item it
     * reads up to its limit, not for the ones the store keeps: a first page of 10 finds the snapshot
     * of an aggregate that takes one at least every 10 envelopes in one request, and reads 2
     * capacity units of small items where a full page of 50 read 8 (BENCHMARKS.md). Longer tails
     * continue in pages of {@code loadPageSize}.
     */
    static final int FIRST_LOAD_PAGE = 10;

    /** DynamoDB's item size limit. */
    static final int MAX_ITEM_BYTES = 400 * 1024;
    private static final String NOT_YET_WRITTEN = "attribute_not_exists(" + StoreItem.PK + ")";
    private static final String ALREADY_WRITTEN = "attribute_exists(" + StoreItem.PK + ")";
    private static final System.Logger LOG = System.getLogger(DynamoDbEventStore.class.getName());

    private final DynamoDbClient client;
    private final String table;
    private final DynamoDbStoreOptions options;
    private final DynamoDbCheckpointStore checkpoints;

    public DynamoDbEventStore(DynamoDbClient client, DynamoDbStoreOptions options) {
        this.client = client;
        this.table = options.tableName();
        this.options = options;
        this.checkpoints = new DynamoDbCheckpointStore(client, table);
    }

    public DynamoDbStoreOptions options() {
        return options;
    }

    @Override
    public StreamSlice load(StreamId stream, long knownVersion) {
        return newestFirstToSnapshot(after(stream, knownVersion));
    }

    /**
     * The same Query as a load, bounded above by the version: every envelope's item can hold the
     * snapshot taken at its version, so the newest one at or below it is on the way down.
     */
    @Override
    public StreamSlice loadAt(StreamId stream, long version) {
        return newestFirstToSnapshot(KeyCondition.sorted(StoreItem.PK, Keys.streamKey(stream), StoreItem.SK, "<=",
                Keys.version(version)));
    }

    /** The stream's items matching the condition, newest first, down to the first that holds a snapshot. */
    private StreamSlice newestFirstToSnapshot(KeyCondition condition) {
        List<Envelope> newestFirst = new ArrayList<>();
        Snapshot snapshot = null;
        Map<String, AttributeValue> startAfter = null;
        int limit = Math.min(FIRST_LOAD_PAGE, options.loadPageSize());
        do {
            QueryResponse page = newestFirstPage(condition, limit, startAfter);
            for (StoreItem item : items(page)) {
                if (item.getSnapshot() != null) {
                    snapshot = Snapshot.fromStored(Long.parseLong(item.getSk()), item.getSnapshot());
                    break;
                }
                newestFirst.add(EnvelopeCodec.read(item.getEnvelope()));
            }
            startAfter = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            limit = options.loadPageSize();
        } while (snapshot == null && startAfter != null);
        Collections.reverse(newestFirst);
        return new StreamSlice(Optional.ofNullable(snapshot), newestFirst);
    }

    /** One page of the items matching the condition, newest first, read strongly consistent. */
    private QueryResponse newestFirstPage(KeyCondition condition, int limit, Map<String, AttributeValue> startAfter) {
        return client.query(condition.query(table)
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit)
                .exclusiveStartKey(startAfter)
                .build());
    }

    @Override
    public AppendResult append(Envelope envelope, Snapshot snapshot) {
        if (snapshot != null && snapshot.version() != envelope.version()) {
            throw new IllegalArgumentException("a snapshot is appended with the envelope of its version");
        }
        StoreItem item = envelopeItem(envelope.stream(), envelope.version(), envelope.committedAt(),
                EnvelopeCodec.write(envelope));
        item.setIdempotencyKey(envelope.idempotencyKey());
        int size = sizeOf(item);
        if (size > MAX_ITEM_BYTES) {
            throw new TooLarge("the envelope takes " + size + " bytes stored; DynamoDB's item limit is "
                    + MAX_ITEM_BYTES);
        }
        if (snapshot != null) {
            item.setSnapshot(snapshot.stored());
            int withSnapshot = sizeOf(item);
            if (withSnapshot > MAX_ITEM_BYTES) {
                // A snapshot only saves reads: commit without it rather than refuse the envelope, and
                // say so, since loads of this aggregate replay from the previous snapshot until one fits.
                item.setSnapshot(null);
                LOG.log(System.Logger.Level.WARNING, "snapshot of " + envelope.stream() + " at version "
                        + envelope.version() + " left out: with it the item would take " + withSnapshot
                        + " bytes, over DynamoDB's " + MAX_ITEM_BYTES);
            }
        }
        return write(item, NOT_YET_WRITTEN, envelope) ? AppendResult.COMMITTED : AppendResult.CONFLICT;
    }

    /**
     * Puts the item if its condition holds: true when it is written. The SDK resends a write after
     * a timeout or a 5xx: if the item in the way is the given attempt's own, the first send
     * committed and this is no conflict. Priming goes through here too, so that the first command
     * after a SnapStart restore finds this path linked.
     */
    private boolean write(StoreItem item, String condition, Envelope attempt) {
        PutItemRequest put = put(item, condition);
        return conditionally(() -> {
            try {
                client.putItem(put);
            } catch (ConditionalCheckFailedException e) {
                if (!heldBy(attempt, e.item())) {
                    throw e;
                }
            }
        });
    }

    /**
     * A command's two requests, writing nothing: the load of the priming stream, and a PutItem of an
     * item at its first version, snapshot included, on the condition that the item already exists.
     * No command writes the blank tenant's stream, so DynamoDB refuses the put (one write unit),
     * and the refusal's path is loaded as well. The answer to an accepted put is built once by hand:
     * a refused put never loads its classes, and the first command after a SnapStart restore would
     * (they were most of what it still loaded).
     */
    @Override
    public void prime() {
        load(PRIMING_STREAM, -1);
        StoreItem item = envelopeItem(PRIMING_STREAM, 0, Instant.EPOCH, "{}");
        item.setSnapshot("{}");
        if (write(item, ALREADY_WRITTEN, null)) {
            throw new IllegalStateException("the priming put was accepted: an item of the blank tenant exists in " + table);
        }
        PutItemResponse.builder().build();
    }

    /**
     * Runs the priming on this store's twin whose requests never leave the process (a client
     * configured as this one, answered by {@link LocalAnswers}): every put succeeds and every read
     * finds nothing, so a dry run on it goes through a command's whole success path, the SDK's
     * included, and writes nothing. The twin's client is closed after.
     */
    public void withLocalAnswers(Consumer<EventStore> priming) {
        try (DynamoDbClient local = DynamoDbClients.answeredLocally(client)) {
            priming.accept(new DynamoDbEventStore(local, options));
        }
    }

    /** The item of an envelope at a version of a stream, its keys and the tenant index's included. */
    private StoreItem envelopeItem(StreamId stream, long version, Instant committedAt, String envelopeText) {
        StoreItem item = new StoreItem();
        item.setPk(Keys.streamKey(stream));
        item.setSk(Keys.version(version));
        item.setKind(StoreItem.KIND_ENVELOPE);
        item.setEnvelope(envelopeText);
        item.setTenantIndexPk(Keys.tenantShard(stream.tenant(), Keys.shardOf(stream, options.tenantShards())));
        item.setTenantIndexSk(Keys.tenantIndexSort(committedAt, stream, version));
        return item;
    }

    private PutItemRequest put(StoreItem item, String condition) {
        return PutItemRequest.builder()
                .tableName(table)
                .item(item.toAttributes())
                .conditionExpression(condition)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    @Override
    public List<Envelope> read(StreamId stream, long fromVersion, long toVersion) {
        long from = Math.max(0, fromVersion);
        if (from > toVersion) {
            return List.of();
        }
        QueryRequest request = KeyCondition.between(StoreItem.PK, Keys.streamKey(stream), StoreItem.SK,
                        Keys.version(from), Keys.version(toVersion)).query(table)
                .consistentRead(true)
                .build();
        List<Envelope> envelopes = new ArrayList<>();
        for (QueryResponse page : client.queryPaginator(request)) {
            for (StoreItem item : items(page)) {
                envelopes.add(EnvelopeCodec.read(item.getEnvelope()));
            }
        }
        return envelopes;
    }

    /**
     * Reads the tenant index from the position's watermark, skipping what the reader was given,
     * until it has {@code limit} new envelopes (one more, to know whether there are more); see
     * {@link CommitOrderReads} for how the page and the next position are made.
     */
    @Override
    public Page readAll(String tenant, String afterPosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        ReadPosition position = ReadPosition.decode(afterPosition);
        List<StoreItem> found = new ArrayList<>();
        for (int shard = 0; shard < options.readShards(); shard++) {
            found.addAll(newItems(Keys.tenantShard(tenant, shard), position, limit + 1));
        }
        return CommitOrderReads.page(found, StoreItem::getTenantIndexSk, item -> EnvelopeCodec.read(item.getEnvelope()),
                position, limit, options.clock().instant().minus(options.settleWindow()));
    }

    /**
     * A Scan of the tenant index that reads only its partition keys: it reads the whole index
     * (DynamoDB has no DISTINCT), a cost of the order of the rebuild of all tenants it serves.
     */
    @Override
    public List<String> tenants() {
        TreeSet<String> tenants = new TreeSet<>();
        ScanRequest request = ScanRequest.builder()
                .tableName(table)
                .indexName(StoreItem.TENANT_INDEX)
                .projectionExpression("#p")
                .expressionAttributeNames(Map.of("#p", StoreItem.TENANT_INDEX_PK))
                .build();
        for (var page : client.scanPaginator(request)) {
            page.items().forEach(item -> tenants.add(Keys.tenantOfShard(item.get(StoreItem.TENANT_INDEX_PK).s())));
        }
        return List.copyOf(tenants);
    }

    @Override
    public boolean recognisesOwnResend() {
        return true;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    private List<StoreItem> newItems(String partition, ReadPosition position, int wanted) {
        KeyCondition condition = position.watermark() == null
                ? KeyCondition.partition(StoreItem.TENANT_INDEX_PK, partition)
                : KeyCondition.sorted(StoreItem.TENANT_INDEX_PK, partition, StoreItem.TENANT_INDEX_SK, ">=",
                        position.watermark());
        QueryRequest request = condition.query(table)
                .indexName(StoreItem.TENANT_INDEX)
                .limit(Math.min(1000, wanted + position.delivered().size()))
                .build();
        List<StoreItem> items = new ArrayList<>();
        // Pages are fetched lazily: stop requesting once enough new items are found.
        for (QueryResponse page : client.queryPaginator(request)) {
            for (StoreItem item : items(page)) {
                if (!position.wasDelivered(item.getTenantIndexSk())) {
                    items.add(item);
                    if (items.size() == wanted) {
                        return items;
                    }
                }
            }
        }
        return items;
    }

    /** Whether the item that failed the condition holds an envelope of the same attempt (never without one). */
    private static boolean heldBy(Envelope attempt, Map<String, AttributeValue> oldItem) {
        AttributeValue stored = oldItem == null ? null : oldItem.get(StoreItem.ENVELOPE);
        return attempt != null && stored != null && stored.s() != null
                && attempt.sameAttempt(EnvelopeCodec.read(stored.s()));
    }

    /** The stream's items after the known version (all of them for -1). */
    private static KeyCondition after(StreamId stream, long knownVersion) {
        String pk = Keys.streamKey(stream);
        return knownVersion < 0
                ? KeyCondition.partition(StoreItem.PK, pk)
                : KeyCondition.sorted(StoreItem.PK, pk, StoreItem.SK, ">", Keys.version(knownVersion));
    }

    static List<StoreItem> items(QueryResponse page) {
        List<StoreItem> items = new ArrayList<>(page.items().size());
        page.items().forEach(attributes -> items.add(StoreItem.fromAttributes(attributes)));
        return items;
    }

    /** DynamoDB's item size: attribute names plus values (strings in UTF-8). */
    static int sizeOf(StoreItem item) {
        int size = 0;
        size += attribute(StoreItem.PK, item.getPk());
        size += attribute(StoreItem.SK, item.getSk());
        size += attribute(StoreItem.KIND, item.getKind());
        size += attribute(StoreItem.ENVELOPE, item.getEnvelope());
        size += attribute(StoreItem.SNAPSHOT, item.getSnapshot());
        size += attribute(StoreItem.IDEMPOTENCY_KEY, item.getIdempotencyKey());
        size += attribute(StoreItem.TENANT_INDEX_PK, item.getTenantIndexPk());
        size += attribute(StoreItem.TENANT_INDEX_SK, item.getTenantIndexSk());
        return size;
    }

    private static int attribute(String name, String value) {
        return value == null ? 0 : name.length() + value.getBytes(StandardCharsets.UTF_8).length;
    }
}

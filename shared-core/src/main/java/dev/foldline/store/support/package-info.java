/**
 * Help for writers of stores whose only cross-partition order is a commit stamp (DynamoDB, Cosmos
 * DB, Firestore), to implement {@link dev.foldline.store.EventStore#readAll readAll} so that a
 * reader never misses an envelope.
 *
 * <h2>The problem</h2>
 * A cloud store stamps an envelope when it commits (DynamoDB: the writer's clock; Cosmos DB:
 * {@code _ts}; Firestore: the commit time of a server timestamp), but an index or query sees the
 * envelope some time later, and not in stamp order: a reader that has read up to stamp {@code t}
 * can still meet an envelope stamped before {@code t} afterwards. Resuming "after the last stamp
 * read" would skip it.
 *
 * <h2>The approach</h2>
 * <ul>
 *   <li>Each envelope gets a {@link dev.foldline.store.support.SortableKeys#commitKey commit key}:
 *       its stamp as fixed-width text, then type, id and version, so that keys sort by stamp and
 *       are unique within a tenant. Either store it as the sort key of a per-tenant index
 *       (DynamoDB), or store the stamp, query ordered by it and compute the key from what was
 *       read (a server-set stamp is only known after the write).</li>
 *   <li>The store picks a <em>settle window</em>: longer than the longest time from a commit stamp
 *       to the envelope being visible to the query (bound it with the SDK's call timeouts). After
 *       it, nothing new can appear with a stamp that old.</li>
 *   <li>A {@link dev.foldline.store.support.ReadPosition} is a watermark stamp plus the commit keys
 *       at or after it that were handed out. {@code readAll} queries keys {@code >= watermark} in
 *       key order, skips {@link dev.foldline.store.support.ReadPosition#wasDelivered delivered}
 *       keys until it has {@code limit + 1} new ones (per partition, if the tenant is sharded),
 *       and hands them to {@link dev.foldline.store.support.CommitOrderReads#page
 *       CommitOrderReads.page}, which cuts the page, puts each stream's envelopes in version
 *       order and moves the watermark to the older of "now minus the settle window" and the last
 *       stamp handed out. Delivered keys older than the watermark are dropped, so the position
 *       stays small once the window has passed.</li>
 * </ul>
 *
 * <h2>Per store</h2>
 * <ul>
 *   <li>DynamoDB: the commit key is the sort key of the sparse {@code byTenant} index, stamped with
 *       the writer's clock; the settle window covers call timeouts and clock skew.</li>
 *   <li>Cosmos DB: stamp with {@code _ts} (seconds: {@code Instant.ofEpochSecond(_ts)}) or the
 *       change feed's order; many envelopes share a second, which the delivered keys handle.
 *       Query {@code _ts >= } the {@link dev.foldline.store.support.ReadPosition#watermarkTime()
 *       watermark's time} in seconds, rounded down.</li>
 *   <li>Firestore: stamp with the commit time (a server-timestamp field), query the tenant's
 *       envelopes ordered by that field, and compute each commit key from the document read.</li>
 * </ul>
 * The token format ({@code d1.} + deflated JSON, base64url) is the same for every store; a token
 * that is not one is an {@link dev.foldline.errors.InvalidArgument} naming {@code position}.
 */
package dev.foldline.store.support;

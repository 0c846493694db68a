"use strict";
/*
 * An imitation of Azure Cosmos DB (NoSQL API, gateway mode) for Foldline's tests: the in-memory
 * server of @vercel/cosmosdb-server (pinned in package.json) behind a layer that fixes what the
 * Java SDK needs and the raw server gets wrong. Every behaviour added here is listed, with its
 * reason, in azure-functions/README.md ("The Cosmos imitation"); keep the two in step.
 *
 * Usage: node imitation.js [--port N]   (0 or absent = a free port; the chosen port is printed
 * on the first line of stdout as "Ready on https://127.0.0.1:PORT")
 */
const https = require("https");
const { readFileSync } = require("fs");
const { dirname, join } = require("path");
const { randomUUID } = require("crypto");
const { Readable } = require("stream");
const rawBody = require("raw-body");

const serverHome = dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
const Account = require("@vercel/cosmosdb-server/lib/account").default;
const routeOf = require("@vercel/cosmosdb-server/lib/routes").default;
const operations = require("@vercel/cosmosdb-server/lib/handler/_document-operations");
const { patchOperation } = require("@vercel/cosmosdb-server/lib/handler/_patch-operations");
const { parsePartitionKey } = require("@vercel/cosmosdb-server/lib/utils/get-partition-from-header");

/** Cosmos refuses an item, or a request (a batch included), above 2 MB with 413. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/** A transactional batch holds at most 100 operations. */
const MAX_BATCH_OPERATIONS = 100;
const DOCS = /^\/+dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?\/?$/;

/** The change feed's logical sequence number: stamped on every write, increasing. */
let lsn = 0;
/** Fault injection for tests: the next N document requests answer 429 (see /_imitation/throttle). */
const throttle = { requests: 0, retryAfterMs: 0 };
/** Fault injection for tests: the next N document writes are applied, then answered with this status. */
const loseAnswer = { requests: 0, status: 408 };
/** What each request was, for tests that count round trips (GET / DELETE /_imitation/requests). */
let requests = [];

const reply = (status, body, headers = {}) => ({ status, body, headers });
const notFound = () => reply(404, { code: "NotFound", message: "Entity with the specified id does not exist in the system." });
const badRequest = message => reply(400, { code: "BadRequest", message });
const header = (req, name) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
const isTrue = (req, name) => String(header(req, name) || "").toLowerCase() === "true";

function collectionOf(account, db, coll) {
  const database = account.database(db);
  if (!database.read()) return null;
  const collection = database.collection(coll);
  return collection.read() ? collection : null;
}

function partitionOf(req) {
  const value = header(req, "x-ms-documentdb-partitionkey");
  if (!value || value === "[]" || value === "[{}]") return undefined;
  return parsePartitionKey(value);
}

const documentsOf = collection => [...collection.documents._data.values()].map(item => item.read());
const stamp = doc => { if (doc && doc._rid) doc._lsn = ++lsn; return doc; };

/** The raw server's own handling, fed the body this layer already read. */
async function passThrough(account, req, body) {
  const replay = Object.assign(Readable.from(body.length ? [body] : []), {
    headers: req.headers, method: req.method, url: req.url
  });
  const found = routeOf(replay);
  if (!found) return badRequest("no route");
  const [params, handler] = found;
  const res = { statusCode: 200, headers: {}, setHeader(name, value) { this.headers[name.toLowerCase()] = value; } };
  const result = await handler(account, replay, res, params);
  return reply(res.statusCode, result, res.headers);
}

/** Queries and read feeds, scoped to the partition key header when one is given (as Cosmos does). */
function query(collection, req, sql, parameters) {
  const partition = partitionOf(req);
  const data = documentsOf(collection).filter(d => partition === undefined
    || collection.documents._getPartition(d) === partition);
  const maxItemCount = parseInt(header(req, "x-ms-max-item-count") || "-1", 10);
  const continuation = header(req, "x-ms-continuation");
  const policy = collection.read().indexingPolicy || {};
  let result;
  try {
    result = collection.documents._getQuery(sql).exec(data, {
      parameters,
      udf: collection.userDefinedFunctions.functions,
      maxItemCount: maxItemCount > 0 ? maxItemCount : undefined,
      continuation: continuation ? JSON.parse(continuation) : undefined,
      compositeIndexes: policy.compositeIndexes || []
    });
  } catch (err) {
    return badRequest(err.message);
  }
  const headers = { "x-ms-item-count": String(result.result.length) };
  if (result.continuation) headers["x-ms-continuation"] = JSON.stringify(result.continuation);
  return reply(200, { _rid: collection.read()._rid, Documents: result.result, _count: result.result.length }, headers);
}

/**
 * The SDK asks the gateway for a query plan before running a query whose plan it has not cached.
 * This plan says "one range, nothing to merge on the client": the server below then runs WHERE and
 * ORDER BY itself. For a query the SDK must not cache a plan of (ORDER BY, TOP, OFFSET/LIMIT,
 * DISTINCT, GROUP BY, aggregates: it asks again every time on real Cosmos), the plan carries a
 * no-op OFFSET 0 LIMIT 2^31-1, which keeps the SDK from caching it too, so that request counts
 * stay those of real Cosmos.
 */
function queryPlan(sql) {
  const uncacheable = /\b(ORDER\s+BY|TOP|OFFSET|LIMIT|DISTINCT|GROUP\s+BY|COUNT|SUM|MIN|MAX|AVG)\b/i.test(sql || "");
  return reply(200, {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: "None", top: null, offset: uncacheable ? 0 : null, limit: uncacheable ? 2147483647 : null,
      orderBy: [], orderByExpressions: [], groupByExpressions: [], groupByAliases: [], aggregates: [],
      groupByAliasToAggregateType: {}, rewrittenQuery: "", hasSelectValue: false, dCountInfo: null,
      hasNonStreamingOrderBy: false
    },
    queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }]
  });
}

/**
 * The latest-version change feed: every document's current version whose _lsn is after the
 * continuation (an ETag holding an LSN), in _lsn order; 304 when there is nothing new.
 */
function changeFeed(collection, req) {
  if (!/^incremental feed$/i.test(header(req, "a-im") || "")) {
    return badRequest("the imitation serves only the latest-version change feed (A-IM: Incremental Feed)");
  }
  const ifNoneMatch = header(req, "if-none-match");
  const since = ifNoneMatch === "*" ? lsn : ifNoneMatch ? parseInt(ifNoneMatch.replace(/"/g, ""), 10) || 0 : 0;
  const modifiedSince = header(req, "if-modified-since");
  const notBefore = modifiedSince && !ifNoneMatch ? Math.floor(Date.parse(modifiedSince) / 1000) : 0;
  const partition = partitionOf(req);
  const maxItemCount = parseInt(header(req, "x-ms-max-item-count") || "-1", 10);
  const changed = documentsOf(collection)
    .filter(d => d._lsn > since && d._ts >= notBefore)
    .filter(d => partition === undefined || collection.documents._getPartition(d) === partition)
    .sort((a, b) => a._lsn - b._lsn);
  const page = maxItemCount > 0 ? changed.slice(0, maxItemCount) : changed;
  if (page.length === 0) return reply(304, undefined, { etag: `"${since}"` });
  return reply(200, { _rid: collection.read()._rid, Documents: page, _count: page.length },
    { etag: `"${page[page.length - 1]._lsn}"`, "x-ms-item-count": String(page.length) });
}

/** A document's partition key must be the one the request names, as Cosmos checks. */
function partitionMismatch(collection, req, doc) {
  const partition = partitionOf(req);
  return partition !== undefined && doc && collection.documents._getPartition(doc) !== partition;
}

function readDocument(collection, req, id) {
  const partition = partitionOf(req);
  const doc = collection.document(id, partition === undefined ? id : partition).read();
  return doc ? reply(200, doc) : notFound();
}

/**
 * A conditional patch ("FROM c WHERE ...") is checked against the one document it names, in its
 * partition. The raw server runs the condition over every partition (so another tenant's document
 * with the same id could satisfy it) and lower-cases it.
 */
function failedPatchCondition(collection, req, id, condition) {
  const partition = partitionOf(req);
  const doc = collection.document(id, partition === undefined ? id : partition).read();
  if (!doc) return notFound();
  const where = condition.trim().replace(/^from\s+c\s+where\s+/i, "");
  let matches;
  try {
    matches = collection.documents._getQuery(`SELECT * FROM c WHERE ${where}`).exec([doc], {}).result.length > 0;
  } catch (err) {
    return badRequest(`invalid patch condition: ${err.message}`);
  }
  return matches ? null : reply(412, { code: "PreconditionFailed", message: "Condition specified in the patch request is not satisfied." });
}

/**
 * A transactional batch: all operations in the request's partition, applied in order; the first
 * failure undoes the earlier ones and the reply is 207 with that failure's status and 424 for
 * every other operation.
 */
function batch(collection, req, body) {
  const ops = JSON.parse(body.toString() || "null");
  const partitionHeader = header(req, "x-ms-documentdb-partitionkey");
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > MAX_BATCH_OPERATIONS) {
    return badRequest(`a batch holds 1 to ${MAX_BATCH_OPERATIONS} operations`);
  }
  if (partitionOf(req) === undefined) return badRequest("a batch names its partition key");
  const partition = partitionOf(req);
  const undo = [];
  const results = [];
  for (const op of ops) {
    const input = { ...op, partitionKey: partitionHeader };
    const id = op.id || (op.resourceBody && op.resourceBody.id);
    const before = id ? collection.document(id, partition).read() : undefined;
    let result;
    if (op.resourceBody && op.operationType !== "Patch" && partitionMismatch(collection, req, op.resourceBody)) {
      result = { statusCode: 400, body: { message: "the document's partition key is not the batch's" } };
    } else {
      result = runOperation(collection, input);
    }
    if (result.statusCode >= 400) {
      rollBack(collection, partition, undo);
      const failed = results.length;
      return reply(207, ops.map((_, i) => ({ statusCode: i === failed ? result.statusCode : 424, requestCharge: 0 })));
    }
    if (op.operationType !== "Read") undo.push([id, before]);
    stamp(op.operationType === "Read" ? null : result.body);
    results.push({ statusCode: result.statusCode, requestCharge: 1, eTag: result.body && result.body._etag,
      resourceBody: result.body });
  }
  return reply(200, results);
}

function runOperation(collection, input) {
  switch (input.operationType) {
    case "Create": return operations.createOperation(collection, input);
    case "Upsert": return operations.upsertOperation(collection, input);
    case "Replace": return operations.replaceOperation(collection, input);
    case "Read": return operations.readOperation(collection, input);
    case "Delete": return operations.deleteOperation(collection, input);
    case "Patch": return patchOperation(collection, { ...input, operations: (input.resourceBody || {}).operations });
    default: return { statusCode: 400, body: { message: `unknown operation ${input.operationType}` } };
  }
}

function rollBack(collection, partition, undo) {
  for (const [id, before] of undo.reverse()) {
    if (collection.document(id, partition).read()) collection.documents.delete(id, partition);
    if (before) collection.documents._set(before);
  }
}

async function handle(account, req) {
  const body = ["POST", "PUT", "PATCH"].includes(req.method) ? await rawBody(req) : Buffer.alloc(0);
  const url = new URL(req.url, "https://imitation");
  if (url.pathname === "/_imitation/throttle" && req.method === "POST") {
    Object.assign(throttle, JSON.parse(body.toString()));
    return reply(200, throttle);
  }
  if (url.pathname === "/_imitation/lose-answer" && req.method === "POST") {
    Object.assign(loseAnswer, JSON.parse(body.toString()));
    return reply(200, loseAnswer);
  }
  if (url.pathname === "/_imitation/requests") {
    const seen = requests;
    if (req.method === "DELETE") requests = [];
    return reply(200, seen);
  }
  const kind = describe(req, url.pathname);
  requests.push(kind);
  if (body.length > MAX_REQUEST_BYTES) {
    return reply(413, { code: "RequestEntityTooLarge", message: "Request size is too large" });
  }
  const docs = DOCS.exec(url.pathname);
  if (!docs) return passThrough(account, req, body);
  if (throttle.requests > 0) {
    throttle.requests -= 1;
    return reply(429, { code: "429", message: "Request rate is large." },
      { "x-ms-retry-after-ms": String(throttle.retryAfterMs), "x-ms-substatus": "3200" });
  }
  const [, db, coll, id] = docs.map(part => part && decodeURIComponent(part));
  const collection = collectionOf(account, db, coll);
  if (!collection) return notFound();
  switch (kind) {
    case "query-plan": return queryPlan((JSON.parse(body.toString() || "{}") || {}).query);
    case "query": {
      const spec = JSON.parse(body.toString());
      return query(collection, req, spec.query, spec.parameters);
    }
    case "batch": return batch(collection, req, body);
    case "change-feed": return changeFeed(collection, req);
    case "read-feed": return query(collection, req, "SELECT * FROM c", []);
    case "read": return readDocument(collection, req, id);
    default: break;
  }
  if (["create", "upsert", "replace"].includes(kind) && partitionMismatch(collection, req, JSON.parse(body.toString()))) {
    return badRequest("PartitionKey extracted from document doesn't match the one specified in the header");
  }
  let forwarded = body;
  if (kind === "patch") {
    const patch = JSON.parse(body.toString());
    if (patch && patch.condition) {
      const refused = failedPatchCondition(collection, req, id, patch.condition);
      if (refused) return refused;
      forwarded = Buffer.from(JSON.stringify(patch.operations));
    }
  }
  const result = await passThrough(account, req, forwarded);
  if (result.status < 300 && kind !== "delete") stamp(result.body);
  if (result.status < 300 && loseAnswer.requests > 0) {
    loseAnswer.requests -= 1;
    return reply(loseAnswer.status, { code: String(loseAnswer.status), message: "the answer to a committed write was lost" });
  }
  return result;
}

/** A short name of the request's operation, e.g. "create", "query", "change-feed", "GET /dbs/d". */
function describe(req, path) {
  const docs = DOCS.exec(path);
  if (!docs) return `${req.method} ${path}`;
  if (isTrue(req, "x-ms-cosmos-is-query-plan-request")) return "query-plan";
  if (isTrue(req, "x-ms-documentdb-isquery") || /query\+json/.test(header(req, "content-type") || "")) return "query";
  if (isTrue(req, "x-ms-cosmos-is-batch-request")) return "batch";
  if (req.method === "GET") return docs[3] ? "read" : header(req, "a-im") ? "change-feed" : "read-feed";
  if (req.method === "POST") return isTrue(req, "x-ms-documentdb-is-upsert") ? "upsert" : "create";
  return { PUT: "replace", PATCH: "patch", DELETE: "delete" }[req.method] || req.method;
}

function send(req, res, { status, body, headers }) {
  res.statusCode = status;
  Object.entries(headers).forEach(([name, value]) => res.setHeader(name, value));
  if (body && body._etag && !headers.etag) res.setHeader("etag", body._etag);
  // The path of the resource's owner, as Cosmos names it: the SDK builds change-feed paths from it.
  const segments = new URL(req.url, "https://imitation").pathname.split("/").filter(Boolean);
  if (segments[0] === "dbs" && segments.length > 1) {
    res.setHeader("x-ms-alt-content-path", segments.slice(0, segments.length % 2 === 0 ? -2 : -1).join("/") || "");
  }
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  res.end(body === undefined ? "" : JSON.stringify(body));
}

function main() {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf("--port");
  const port = portIndex >= 0 ? parseInt(args[portIndex + 1], 10) : 0;
  let account;
  const server = https.createServer({
    cert: readFileSync(join(serverHome, "cert.pem")),
    key: readFileSync(join(serverHome, "key.pem"))
  }, (req, res) => {
    handle(account, req)
      .then(result => send(req, res, result))
      .catch(err => {
        console.error(err);
        send(req, res, reply(500, { code: "InternalServerError", message: String(err && err.message) }));
      });
  });
  server.listen(port, "127.0.0.1", () => {
    account = new Account("127.0.0.1", server.address().port);
    console.log(`Ready on https://127.0.0.1:${server.address().port}`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

main();

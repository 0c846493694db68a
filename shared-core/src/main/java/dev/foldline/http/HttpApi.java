package dev.foldline.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.foldline.aggregate.Aggregate;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.app.ProjectionView;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.FoldlineException;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.MethodNotAllowed;
import dev.foldline.errors.NotFound;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.json.Json;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.StreamId;
import dev.foldline.projection.Rebuilds;
import dev.foldline.store.EventStore;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The HTTP contract, written once: routes, identity, body rules, responses and problem details.
 * Adapters (the local server, Lambda, Functions) translate their platform's request into an
 * {@link HttpRequest} and copy the {@link HttpResponse} back, nothing more.
 *
 * <pre>
 * POST /commands/{command}                  run a command             200, ETag: "version"
 * GET  /aggregates/{type}/{id}              the aggregate's state     200, ETag: "version"
 *                                           ?version=n: as of version n (404 above the latest)
 * GET  /aggregates/{type}/{id}/envelopes    its envelopes in order    200, a page: ?after=version&amp;limit=n
 * GET  /projections/{name}                  a projection view         200
 * POST /projections/{handler}/rebuild       a step of a rebuild       200, its progress (when rebuilds are given)
 * GET  /health                              liveness                  200
 * </pre>
 *
 * <p>Aggregate ids and type names in a path are at most {@link StreamId#MAX_NAME_LENGTH} characters
 * (a longer one is a 400 naming {@code aggregateId} or {@code type}), as in a command's body.
 */
public final class HttpApi {

    public static final String IDEMPOTENCY_KEY = CommandHandler.IDEMPOTENCY_KEY;
    /** Set on the answer to a retry that was given the original request's result. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The envelopes route's page size: the default, and the most one page holds. */
    public static final int MAX_ENVELOPES_PER_PAGE = 1_000;
    /** The envelopes route's query parameter: the version after which the page starts (-1, the default, for the first). */
    public static final String AFTER = "after";
    /** The envelopes route's query parameter: how many envelopes a page holds at most. */
    public static final String LIMIT = "limit";
    /** The aggregate route's query parameter: the version whose state is wanted (the latest when absent). */
    public static final String VERSION = "version";

    /** The role that lets a caller rebuild a projection in its own tenant. */
    public static final String REBUILD_ROLE = "admin";
    /** The role that lets a caller rebuild a projection in every tenant. */
    public static final String OPERATOR_ROLE = "operator";

    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    /** Far beyond any stream's length, and small enough that a page's bounds cannot overflow. */
    private static final long LARGEST_AFTER = Long.MAX_VALUE / 2;

    private final CommandHandler commands;
    private final EventStore store;
    private final IdentityResolver identity;
    private final HttpOptions options;
    private final Map<String, ProjectionView> views;
    private final CommitListener commitListener;
    private final CommandRunner runner;
    private final RebuildRoute rebuilds;

    private HttpApi(Builder builder) {
        this.commands = builder.commands;
        this.store = builder.store;
        this.identity = builder.identity;
        this.options = builder.options;
        this.views = builder.views;
        this.commitListener = builder.commitListener;
        this.runner = builder.runner != null ? builder.runner : commands::command;
        this.rebuilds = builder.rebuilds == null ? null : new RebuildRoute(builder.rebuilds);
    }

    /**
     * @param commands the command handler (and so the registry) the routes serve
     * @param store    the store the command handler writes to, read for the envelopes route
     * @param identity how the caller's tenant, id and roles are established
     */
    public static Builder builder(CommandHandler commands, EventStore store, IdentityResolver identity) {
        return new Builder(commands, store, identity);
    }

    public HttpOptions options() {
        return options;
    }

    /** Answers every request; never throws. A failure that is not a {@link FoldlineException} is a 500. */
    public HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (FoldlineException e) {
            return Problems.of(e);
        } catch (RuntimeException | StackOverflowError e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.ERROR, "incident " + incident + ": " + request.method() + " " + request.path() + " failed", e);
            return Problems.internal(incident);
        }
    }

    private HttpResponse route(HttpRequest request) {
        List<String> path = PathSegments.of(request.path());
        String method = request.method();
        if (path.equals(List.of("health"))) {
            return only("GET", method, () -> HttpResponse.json(200, "{\"status\":\"ok\"}", Map.of()));
        }
        if (path.size() == 2 && path.get(0).equals("commands")) {
            return only("POST", method, () -> command(request, path.get(1)));
        }
        if (path.size() == 3 && path.get(0).equals("aggregates")) {
            return only("GET", method, () -> aggregate(request, identity.resolve(request), path.get(1), path.get(2)));
        }
        if (path.size() == 4 && path.get(0).equals("aggregates") && path.get(3).equals("envelopes")) {
            return only("GET", method, () -> envelopes(request, identity.resolve(request), path.get(1), path.get(2)));
        }
        if (path.size() == 2 && path.get(0).equals("projections")) {
            return only("GET", method, () -> projection(identity.resolve(request), path.get(1)));
        }
        if (path.size() == 3 && path.get(0).equals("projections") && path.get(2).equals("rebuild") && rebuilds != null) {
            return only("POST", method, () -> rebuilds.rebuild(request, identity.resolve(request), path.get(1)));
        }
        throw new NotFound("no route for " + request.path());
    }

    /** Runs the route if the method is the one it allows, else answers 405 with an Allow header. */
    private static HttpResponse only(String allowed, String method, Supplier<HttpResponse> route) {
        if (!method.equals(allowed)) {
            return Problems.of(new MethodNotAllowed(method + " is not allowed here; use " + allowed),
                    Map.of("Allow", allowed));
        }
        return route.get();
    }

    private HttpResponse command(HttpRequest request, String command) {
        Actor actor = identity.resolve(request);
        // The core reports an unknown command as an invalid argument; over HTTP it is a missing resource.
        if (commands.registry().findByCommand(command).isEmpty()) {
            throw new NotFound("command", "unknown command " + command);
        }
        Payload payload = JsonBody.parse(request, options);
        CommandResult result = runner.run(actor, command, payload, idempotencyKey(request));
        if (!result.replayed()) {
            result.envelope().ifPresent(this::notifyCommitted);
        }

        JsonObject body = new JsonObject();
        body.addProperty("aggregateId", result.aggregateId());
        body.addProperty("version", result.version());
        // A replay whose aggregate moved on since has no state at its version to show.
        if (result.stateIsAtVersion()) {
            body.add("state", finite(Json.toTree(result.state())));
        }
        JsonArray events = new JsonArray();
        for (Event event : result.events()) {
            JsonObject json = new JsonObject();
            json.addProperty("name", event.name());
            json.add("payload", event.payload().json());
            events.add(json);
        }
        body.add("events", events);
        Map<String, String> headers = new LinkedHashMap<>(etag(result.version()));
        if (result.replayed()) {
            headers.put(REPLAYED, "true");
        }
        return HttpResponse.json(200, Json.write(body), headers);
    }

    private HttpResponse aggregate(HttpRequest request, Actor actor, String typeName, String id) {
        requireNameLengths(typeName, id);
        QueryParameters query = QueryParameters.of(request.query());
        Aggregate<?> aggregate;
        if (query.get(VERSION).isPresent()) {
            long version = query.integer(VERSION, 0, 0, Long.MAX_VALUE);
            aggregate = commands.loadAt(actor.tenant(), typeName, id, version).orElseThrow(() ->
                    new NotFound(VERSION, "no " + typeName + " " + id + " at version " + version));
        } else {
            aggregate = commands.load(actor.tenant(), typeName, id);
        }
        // Another tenant's aggregate is, for this caller, a stream with no envelopes: the same 404.
        if (aggregate.version() < 0) {
            throw new NotFound("aggregateId", "no " + typeName + " " + id);
        }
        return HttpResponse.json(200, Json.write(aggregateJson(aggregate)), etag(aggregate.version()));
    }

    /**
     * One page of the stream's envelopes: those after version {@code after}, at most {@code limit}.
     * Versions in a stream are contiguous, so a page is one bounded read, of one envelope more than
     * the page holds to learn whether more remain; then {@code next} is the path and query of the
     * next page.
     */
    private HttpResponse envelopes(HttpRequest request, Actor actor, String typeName, String id) {
        requireNameLengths(typeName, id);
        AggregateType<?> type = commands.registry().byName(typeName);
        QueryParameters query = QueryParameters.of(request.query());
        int limit = (int) query.integer(LIMIT, MAX_ENVELOPES_PER_PAGE, 1, MAX_ENVELOPES_PER_PAGE);
        long after = query.integer(AFTER, -1, -1, LARGEST_AFTER);
        StreamId stream = new StreamId(actor.tenant(), type.name(), id);
        List<Envelope> read = store.read(stream, after + 1, after + 1 + limit);
        List<Envelope> page = read.subList(0, Math.min(limit, read.size()));
        // An empty page past the end of a stream that exists is an answer (nothing new); no stream is a 404.
        if (page.isEmpty() && (after < 0 || store.read(stream, 0, 0).isEmpty())) {
            throw new NotFound("aggregateId", "no " + typeName + " " + id);
        }
        JsonArray ledger = new JsonArray();
        page.forEach(envelope -> ledger.add(EnvelopeCodec.toJson(envelope)));
        JsonObject body = new JsonObject();
        body.addProperty("aggregateId", id);
        if (!page.isEmpty()) {
            body.addProperty("version", page.get(page.size() - 1).version());
        }
        body.add("envelopes", ledger);
        if (read.size() > limit) {
            long last = page.get(page.size() - 1).version();
            body.addProperty("next", request.path() + "?" + AFTER + "=" + last + "&" + LIMIT + "=" + limit);
        }
        return HttpResponse.json(200, Json.write(body), Map.of());
    }

    /** Ids and type names in a path obey the same length limit as an id in a command's body. */
    private static void requireNameLengths(String typeName, String id) {
        if (typeName.length() > StreamId.MAX_NAME_LENGTH) {
            throw new InvalidArgument("type", "type must be at most " + StreamId.MAX_NAME_LENGTH + " characters");
        }
        if (id.length() > StreamId.MAX_NAME_LENGTH) {
            throw new InvalidArgument(CommandHandler.AGGREGATE_ID,
                    "aggregateId must be at most " + StreamId.MAX_NAME_LENGTH + " characters");
        }
    }

    private HttpResponse projection(Actor actor, String name) {
        ProjectionView view = views.get(name);
        if (view == null) {
            throw new NotFound("projection", "no projection view " + name);
        }
        return HttpResponse.json(200, Json.write(Json.toTree(view.stateOfTenant().apply(actor.tenant()))), Map.of());
    }

    private void notifyCommitted(Envelope envelope) {
        try {
            commitListener.committed(envelope);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "commit listener failed on " + envelope.stream() + "@" + envelope.version(), e);
        }
    }

    private static JsonObject aggregateJson(Aggregate<?> aggregate) {
        JsonObject json = new JsonObject();
        json.addProperty("aggregateId", aggregate.id());
        json.addProperty("version", aggregate.version());
        json.add("state", finite(Json.toTree(aggregate.state())));
        return json;
    }

    /**
     * JSON has no NaN or Infinity, but a double in a state can hold them (1 / 0 on the calculator);
     * they go out as the strings "NaN", "Infinity" and "-Infinity" so that every response parses.
     */
    private static JsonElement finite(JsonElement element) {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            double value = element.getAsDouble();
            return Double.isFinite(value) ? element : new JsonPrimitive(Double.toString(value));
        }
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            element.getAsJsonObject().entrySet().forEach(e -> copy.add(e.getKey(), finite(e.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(finite(e)));
            return copy;
        }
        return element;
    }

    private static String idempotencyKey(HttpRequest request) {
        String key = request.header(IDEMPOTENCY_KEY).map(String::trim).orElse(null);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidArgument(IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    private static Map<String, String> etag(long version) {
        return Map.of("ETag", "\"" + version + "\"");
    }

    public static final class Builder {
        private final CommandHandler commands;
        private final EventStore store;
        private final IdentityResolver identity;
        private HttpOptions options = HttpOptions.defaults();
        private Map<String, ProjectionView> views = Map.of();
        private CommitListener commitListener = CommitListener.NONE;
        private CommandRunner runner;
        private Rebuilds rebuilds;

        private Builder(CommandHandler commands, EventStore store, IdentityResolver identity) {
            this.commands = Objects.requireNonNull(commands, "commands");
            this.store = Objects.requireNonNull(store, "store");
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        public Builder options(HttpOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions, "options");
            return this;
        }

        public Builder views(List<ProjectionView> newViews) {
            Map<String, ProjectionView> byName = new LinkedHashMap<>();
            for (ProjectionView view : newViews) {
                if (byName.putIfAbsent(view.name(), view) != null) {
                    throw new IllegalStateException("projection view " + view.name() + " is registered twice");
                }
            }
            this.views = Map.copyOf(byName);
            return this;
        }

        public Builder onCommit(CommitListener listener) {
            this.commitListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Runs commands through the given runner, which must end in the same command handler. */
        public Builder commandRunner(CommandRunner newRunner) {
            this.runner = Objects.requireNonNull(newRunner, "runner");
            return this;
        }

        /** Serves {@code POST /projections/{handler}/rebuild} with these rebuilds (no such route without). */
        public Builder rebuilds(Rebuilds newRebuilds) {
            this.rebuilds = Objects.requireNonNull(newRebuilds, "rebuilds");
            return this;
        }

        public HttpApi build() {
            return new HttpApi(this);
        }
    }
}

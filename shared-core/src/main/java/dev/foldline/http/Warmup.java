package dev.foldline.http;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.SnapshotPolicy;
import dev.foldline.command.CommandHandler;
import dev.foldline.http.identity.IdentityResolver;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.EventStore;
import dev.foldline.store.MemoryEventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dry run of the request path, for a function to make before its first request (and before a
 * snapshot of its memory is taken, as Lambda SnapStart does): commands, reads, the envelope codec
 * and error answers go through the same code as real requests, with the runtime's own identity
 * resolver, on a scratch in-memory store and a private aggregate. No user code runs and nothing
 * reaches the runtime's store.
 */
public final class Warmup {

    record Counter(long count) {
    }

    record Warm(int by) {
    }

    sealed interface Warming permits Warmed {
    }

    record Warmed(int by) implements Warming {
    }

    /** Typed, so the record codecs' method handles are linked too, and the Payload layer under them. */
    private static final AggregateType<Counter> SCRATCH = AggregateType.typed("warmup", Counter.class, () -> new Counter(0),
                    Warming.class)
            .command(Warm.class, (context, command) -> context.push(new Warmed(command.by())))
            .event(Warmed.class, (state, event) -> new Counter(state.count() + event.by()))
            .snapshots(SnapshotPolicy.everyCommit())
            .build();

    private Warmup() {
    }

    /**
     * Runs the dry run as a caller with the given identity (headers and verified claims as the
     * runtime's identity resolver expects them) and answers the statuses it got, in order.
     */
    public static List<Integer> dryRun(IdentityResolver identity, Map<String, String> headers, Map<String, ?> claims) {
        return dryRun(identity, headers, claims, new MemoryEventStore());
    }

    /**
     * The same on a given scratch store: a store of the runtime's own kind whose requests never
     * reach its database primes that store's code as well (see the AWS function's priming).
     */
    public static List<Integer> dryRun(IdentityResolver identity, Map<String, String> headers, Map<String, ?> claims,
                                       EventStore scratch) {
        HttpApi api = HttpApi.builder(new CommandHandler(scratch, AggregateRegistry.of(SCRATCH)), scratch, identity).build();
        Map<String, String> json = new HashMap<>(headers);
        json.put("Content-Type", "application/json");
        List<HttpRequest> requests = List.of(
                HttpRequest.get("/health", Map.of()),
                HttpRequest.post("/commands/Warm", json, "{\"aggregateId\":\"w\",\"by\":1}"),
                HttpRequest.post("/commands/Warm", with(json, "Idempotency-Key", "warm-2"), "{\"aggregateId\":\"w\",\"by\":2}"),
                // No aggregate id: the id is generated, as most creating commands have it.
                HttpRequest.post("/commands/Warm", json, "{\"by\":3}"),
                HttpRequest.get("/aggregates/warmup/w", headers),
                HttpRequest.get("/aggregates/warmup/w/envelopes?limit=1", headers),
                HttpRequest.post("/commands/Warm", json, "{\"aggregateId\":\"w\",\"by\":\"two\"}"),
                HttpRequest.post("/commands/Unknown", json, "{}"));
        List<Integer> statuses = new ArrayList<>();
        for (HttpRequest request : requests) {
            statuses.add(api.handle(request.withVerifiedClaims(claims)).status());
        }
        // What a real store adds to the path: envelopes and snapshots as stored text, both ways.
        StreamId stream = new StreamId(identity.resolve(HttpRequest.get("/", headers).withVerifiedClaims(claims)).tenant(),
                "warmup", "w");
        scratch.read(stream, 0, Long.MAX_VALUE).forEach(envelope -> EnvelopeCodec.read(EnvelopeCodec.write(envelope)));
        scratch.load(stream, -1).snapshot().ifPresent(snapshot -> Snapshot.fromStored(snapshot.version(), snapshot.stored()));
        return statuses;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}

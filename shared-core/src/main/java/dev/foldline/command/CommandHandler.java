package dev.foldline.command;

import dev.foldline.aggregate.Aggregate;
import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.aggregate.AggregateType;
import dev.foldline.aggregate.CommandContext;
import dev.foldline.aggregate.CommandDefinition;
import dev.foldline.errors.ConcurrencyConflict;
import dev.foldline.errors.Forbidden;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.MissingArgument;
import dev.foldline.errors.PreconditionFailed;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import dev.foldline.model.RecordedKey;
import dev.foldline.model.Snapshot;
import dev.foldline.model.StreamId;
import dev.foldline.store.AppendResult;
import dev.foldline.store.EventStore;
import dev.foldline.store.StreamSlice;
import dev.foldline.trace.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs commands: resolve the aggregate type by command name, load the aggregate (cache first),
 * run the command, append one envelope conditionally, update the cache.
 *
 * <p>The cache is used optimistically: a cached aggregate is appended to without reading the
 * store, and a conflict triggers one catch-up read before the command runs again. So a warm
 * command costs one write, a cold one a read and a write.
 *
 * <p>Idempotency costs no extra write: a command's idempotency key travels in its envelope, and an
 * aggregate remembers the keys of its envelopes (and its snapshot those before it) for the
 * retention window. A retry is recognised from the cache, from the load, or from the catch-up
 * read after its write conflicted with the first attempt's; it is answered with the original
 * result and writes nothing. A key identifies one command on one aggregate: a create without an
 * aggregate id gets an id derived from the tenant and the key, so that its retry lands on the same
 * aggregate.
 */
public final class CommandHandler {

    public static final String AGGREGATE_ID = "aggregateId";
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** The argument a problem with an idempotency key names (the HTTP header that carries it). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final EventStore store;
    private final AggregateRegistry registry;
    private final Options options;
    private final AggregateCache cache;
    private final AggregateLoader loader;
    private final KeyRetention keys;

    /**
     * @param cacheSize    aggregates kept in memory; 0 disables the cache
     * @param cacheBytes   the most memory cached aggregates may take, as estimated from their state
     * @param maxRetries   how often a command without an expected version is re-run after a conflict
     * @param backoff      how long to wait before each of those retries
     * @param ids          makes ids for new aggregates, called per request (never at startup)
     * @param keyRetention how long an aggregate remembers the idempotency keys of its envelopes
     */
    public record Options(int cacheSize, long cacheBytes, int maxRetries, RetryBackoff backoff, Clock clock,
                          Supplier<String> ids, Tracer tracer, Duration keyRetention) {
        public static final Duration DEFAULT_KEY_RETENTION = Duration.ofHours(24);
        /** A sixteenth of a 1 GB function's memory. */
        public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
        public static final String KEY_RETENTION_SETTING = "FOLDLINE_IDEMPOTENCY_HOURS";
        public static final String CACHE_SETTING = "FOLDLINE_CACHE_MB";

        public Options {
            if (cacheSize < 0 || cacheBytes < 0 || maxRetries < 0) {
                throw new IllegalArgumentException("cacheSize, cacheBytes and maxRetries must be >= 0");
            }
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(tracer, "tracer");
            if (keyRetention == null || keyRetention.isNegative()) {
                throw new IllegalArgumentException("keyRetention must be zero or more");
            }
        }

        public static Options defaults() {
            return new Options(10_000, DEFAULT_CACHE_BYTES, 10, RetryBackoff.defaults(), Clock.systemUTC(), () -> UUID.randomUUID().toString(),
                    Tracer.NOOP, DEFAULT_KEY_RETENTION);
        }

        public Options withCacheSize(int size) {
            return new Options(size, cacheBytes, maxRetries, backoff, clock, ids, tracer, keyRetention);
        }

        public Options withMaxRetries(int retries) {
            return new Options(cacheSize, cacheBytes, retries, backoff, clock, ids, tracer, keyRetention);
        }

        public Options withCacheBytes(long maxBytes) {
            return new Options(cacheSize, maxBytes, maxRetries, backoff, clock, ids, tracer, keyRetention);
        }

        public Options withTracer(Tracer newTracer) {
            return new Options(cacheSize, cacheBytes, maxRetries, backoff, clock, ids, newTracer, keyRetention);
        }

        public Options withClock(Clock newClock) {
            return new Options(cacheSize, cacheBytes, maxRetries, backoff, newClock, ids, tracer, keyRetention);
        }

        public Options withKeyRetention(Duration retention) {
            return new Options(cacheSize, cacheBytes, maxRetries, backoff, clock, ids, tracer, retention);
        }

        /**
         * The settings every runtime reads for its command handler: {@value #KEY_RETENTION_SETTING}
         * (whole hours from 1; 24 when not set) and {@value #CACHE_SETTING} (whole mebibytes; 64
         * when not set, 0 turns the cache off). A value out of range stops the start, naming it.
         */
        public Options withSettings(Map<String, String> settings) {
            Options options = this;
            Long hours = whole(settings, KEY_RETENTION_SETTING, 1, 24 * 366);
            if (hours != null) {
                options = options.withKeyRetention(Duration.ofHours(hours));
            }
            Long mebibytes = whole(settings, CACHE_SETTING, 0, 1024 * 1024);
            if (mebibytes != null) {
                options = options.withCacheBytes(mebibytes * 1024 * 1024);
            }
            return options;
        }

        private static Long whole(Map<String, String> settings, String name, long min, long max) {
            String value = settings.get(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                long parsed = Long.parseLong(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException notANumber) {
                // refused below with the setting's name
            }
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not " + value.trim());
        }
    }

    public CommandHandler(EventStore store, AggregateRegistry registry) {
        this(store, registry, Options.defaults());
    }

    public CommandHandler(EventStore store, AggregateRegistry registry, Options options) {
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.cache = new AggregateCache(options.cacheSize(), options.cacheBytes());
        this.keys = new KeyRetention(options.keyRetention(), options.clock());
        this.loader = new AggregateLoader(store, options.tracer(), keys);
    }

    public AggregateRegistry registry() {
        return registry;
    }

    public CommandResult command(Actor actor, String command, Payload payload) {
        return command(actor, command, payload, null);
    }

    /**
     * Runs a command. The payload may carry {@code aggregateId} (string) and
     * {@code expectedVersion} (integer, -1 or absent for "the latest"); the command body sees the
     * payload without them. With an idempotency key, a command that already committed on the
     * aggregate under the same key is answered with its original result and runs no more; the same
     * key with another command or payload is a {@link PreconditionFailed} naming the key.
     */
    public CommandResult command(Actor actor, String command, Payload payload, String idempotencyKey) {
        if (actor == null) {
            throw new MissingArgument("actor");
        }
        if (command == null || command.isBlank()) {
            throw new MissingArgument("command");
        }
        long started = System.nanoTime();
        Throwable failure = null;
        StreamId subject = null;
        try {
            AggregateType<?> type = registry.byCommand(command);
            Payload input = payload == null ? Payload.empty() : payload;
            Target target = target(input);
            KeyedRequest keyed = idempotencyKey == null ? null : KeyedRequest.of(idempotencyKey, command, input);
            StreamId stream = new StreamId(actor.tenant(), type.name(), target.aggregateId()
                    .orElseGet(() -> keyed == null ? options.ids().get() : keyed.aggregateId(actor.tenant(), type.name())));
            subject = stream;
            return execute(actor, type, command, stream, target, input.without(AGGREGATE_ID, EXPECTED_VERSION), keyed);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            // Without a tracer, no span (and no subject text) is made on the hot path.
            if (options.tracer() != Tracer.NOOP) {
                options.tracer().trace(new Tracer.Span(Tracer.Operation.COMMAND, actor.tenant(),
                        subject == null ? command : subject.toString(), command, System.nanoTime() - started, failure));
            }
        }
    }

    /** The aggregate at its latest version, for queries; a stream with no envelopes is at -1. */
    public <S> Aggregate<S> load(String tenant, AggregateType<S> type, String aggregateId) {
        StreamId stream = new StreamId(tenant, type.name(), aggregateId);
        Aggregate<S> cached = cache.get(stream);
        Aggregate<S> latest = loader.catchUp(cached != null ? cached : Aggregate.fresh(type, stream));
        cache.put(latest);
        return latest;
    }

    public Aggregate<?> load(String tenant, String typeName, String aggregateId) {
        return load(tenant, registry.byName(typeName), aggregateId);
    }

    /**
     * The aggregate as it was after the envelope at {@code version} (0 for the first): from the
     * nearest snapshot at or below it, then the envelopes up to it; empty when the stream never
     * reached that version (or has no envelope at all).
     */
    public <S> Optional<Aggregate<S>> loadAt(String tenant, AggregateType<S> type, String aggregateId, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a version to read is 0 or more, not " + version);
        }
        StreamId stream = new StreamId(tenant, type.name(), aggregateId);
        Aggregate<S> cached = cache.get(stream);
        if (cached != null && cached.version() == version) {
            return Optional.of(cached);
        }
        return loader.asOf(Aggregate.fresh(type, stream), version);
    }

    public Optional<? extends Aggregate<?>> loadAt(String tenant, String typeName, String aggregateId, long version) {
        return loadAt(tenant, registry.byName(typeName), aggregateId, version);
    }

    private record Target(Optional<String> aggregateId, long expectedVersion) {
    }

    private static Target target(Payload input) {
        Optional<String> id = Optional.empty();
        if (input.has(AGGREGATE_ID)) {
            String value = input.requireString(AGGREGATE_ID);
            if (value.isBlank() || value.length() > StreamId.MAX_NAME_LENGTH || value.contains("/")) {
                throw new InvalidArgument(AGGREGATE_ID, "aggregateId must be 1 to " + StreamId.MAX_NAME_LENGTH + " characters without '/'");
            }
            id = Optional.of(value);
        }
        long expected = -1;
        if (input.has(EXPECTED_VERSION)) {
            expected = input.requireLong(EXPECTED_VERSION);
            if (expected < -1) {
                throw new InvalidArgument(EXPECTED_VERSION, "expectedVersion must be -1 or more");
            }
            if (expected >= 0 && id.isEmpty()) {
                throw new MissingArgument(AGGREGATE_ID);
            }
        }
        return new Target(id, expected);
    }

    private <S> CommandResult execute(Actor actor, AggregateType<S> type, String command, StreamId stream,
                                      Target target, Payload input, KeyedRequest keyed) {
        CommandDefinition<S> definition = type.commands().get(command);
        if (!actor.hasAnyRole(definition.allowedRoles())) {
            throw new Forbidden("command " + command + " needs one of the roles " + definition.allowedRoles());
        }
        long expected = target.expectedVersion();
        String commandId = UUID.randomUUID().toString();
        Aggregate<S> aggregate = startingPoint(type, stream, target);
        for (int attempt = 0; ; attempt++) {
            if (expected >= 0 && aggregate.version() < expected) {
                aggregate = loader.catchUp(aggregate);
            }
            RecordedKey earlier = keyed == null ? null : keys.find(aggregate.keys(), keyed.key());
            if (earlier != null) {
                return replay(aggregate, earlier, keyed, command);
            }
            if (expected >= 0 && aggregate.version() != expected) {
                throw conflict(stream, expected, aggregate.version());
            }
            CommandContext<S> context = new CommandContext<>(actor, command, input, aggregate, readerFor(actor.tenant()));
            definition.body().handle(context);
            List<Event> events = context.events();
            if (events.isEmpty()) {
                cache.put(aggregate);
                return new CommandResult(aggregate, Optional.empty(), false);
            }
            long version = aggregate.version() + 1;
            Envelope envelope = new Envelope(stream, version, command, actor, events, options.clock().instant(),
                    keyed == null ? null : keyed.key(), keyed == null ? null : keyed.fingerprint(), commandId);
            boolean snapshot = type.snapshotPolicy().snapshotAt(version, aggregate.snapshotVersion());
            Aggregate<S> after = new Aggregate<>(type, stream, version, context.state(),
                    snapshot ? version : aggregate.snapshotVersion(),
                    keyed == null ? aggregate.keys()
                            : keys.remember(aggregate.keys(), List.of(RecordedKey.of(envelope))));
            boolean committed;
            try {
                committed = commit(envelope, snapshot
                        ? new Snapshot(version, type.stateToJson(after.state()), List.copyOf(after.keys().values()),
                                commandId)
                        : null);
            } catch (RuntimeException unknownOutcome) {
                // The write may or may not have landed: forget what we knew rather than guess.
                cache.evict(stream);
                throw unknownOutcome;
            }
            if (committed) {
                cache.put(after);
                return new CommandResult(after, Optional.of(envelope), false);
            }
            cache.evict(stream);
            boolean retrying = expected < 0 || keyed != null;
            if (retrying && attempt >= options.maxRetries()) {
                throw new ConcurrencyConflict("gave up on " + stream + " after " + (attempt + 1)
                        + " conflicting attempts");
            }
            if (expected < 0) {
                pause(options.backoff().delay(attempt), stream);
            }
            AggregateLoader.CaughtUp<S> caughtUp = loader.catchUpShowing(aggregate);
            aggregate = caughtUp.aggregate();
            // The envelope in the way may be this attempt's own, written by a send whose answer was
            // lost (a store that cannot tell from the failed condition reports a conflict): then the
            // command is done, and running it again would apply it twice.
            if (!store.recognisesOwnResend() && heldByThisAttempt(caughtUp.slice(), envelope)) {
                cache.put(aggregate);
                return new CommandResult(after, Optional.of(envelope), false);
            }
            if (!retrying) {
                throw conflict(stream, expected, aggregate.version());
            }
            // With a key, the envelope in the way may also be an earlier request's: checked at the top.
        }
    }

    /**
     * Whether the envelope at the attempted version is this attempt's: from the catch-up's envelopes,
     * or from the snapshot taken at that version (it names the attempt), or, when a later snapshot
     * hid it (an ambiguous write, then another writer's snapshot), read on its own.
     */
    private boolean heldByThisAttempt(StreamSlice slice, Envelope attempted) {
        Snapshot snapshot = slice.snapshot().orElse(null);
        if (snapshot == null || snapshot.version() < attempted.version()) {
            return slice.envelopes().stream().anyMatch(attempted::sameAttempt);
        }
        if (snapshot.version() == attempted.version() && snapshot.commandId() != null) {
            return snapshot.commandId().equals(attempted.commandId());
        }
        return store.read(attempted.stream(), attempted.version(), attempted.version()).stream()
                .anyMatch(attempted::sameAttempt);
    }

    /** The answer to a retry: the original envelope's result; nothing runs and nothing is written. */
    private <S> CommandResult replay(Aggregate<S> aggregate, RecordedKey earlier, KeyedRequest keyed, String command) {
        if (!earlier.fingerprint().equals(keyed.fingerprint())) {
            throw new PreconditionFailed(IDEMPOTENCY_KEY, "Idempotency-Key " + keyed.key()
                    + " was used for another request (version " + earlier.version() + " of "
                    + aggregate.type().name() + " " + aggregate.id() + "); it cannot be reused for this " + command);
        }
        cache.put(aggregate);
        List<Envelope> original = store.read(aggregate.stream(), earlier.version(), earlier.version());
        if (original.isEmpty()) {
            throw new IllegalStateException("the store lost version " + earlier.version() + " of " + aggregate.stream());
        }
        return new CommandResult(aggregate, Optional.of(original.get(0)), true);
    }

    private static void pause(java.time.Duration delay, StreamId stream) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyConflict("interrupted while waiting to retry " + stream + "; nothing was written");
        }
    }

    private <S> Aggregate<S> startingPoint(AggregateType<S> type, StreamId stream, Target target) {
        Aggregate<S> cached = cache.get(stream);
        if (cached != null) {
            return cached;
        }
        Aggregate<S> fresh = Aggregate.fresh(type, stream);
        // A generated id is new by construction: no read is needed to know it is empty.
        return target.aggregateId().isEmpty() ? fresh : loader.catchUp(fresh);
    }

    private boolean commit(Envelope envelope, Snapshot snapshot) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            return store.append(envelope, snapshot) == AppendResult.COMMITTED;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            if (options.tracer() != Tracer.NOOP) {
                options.tracer().trace(new Tracer.Span(Tracer.Operation.COMMIT, envelope.tenant(),
                        envelope.stream().toString(), envelope.command(), System.nanoTime() - started, failure));
            }
        }
    }

    /** Reads from inside a command stay within the actor's tenant. */
    private CommandContext.Reader readerFor(String tenant) {
        return new CommandContext.Reader() {
            @Override
            public <T> Aggregate<T> load(AggregateType<T> type, String aggregateId) {
                return CommandHandler.this.load(tenant, type, aggregateId);
            }
        };
    }

    private static ConcurrencyConflict conflict(StreamId stream, long expected, long actual) {
        String found = actual >= -1 ? " but it is at " + actual : " but another command committed first";
        return new ConcurrencyConflict(stream.aggregateType() + " " + stream.aggregateId()
                + " was expected at version " + expected + found);
    }
}

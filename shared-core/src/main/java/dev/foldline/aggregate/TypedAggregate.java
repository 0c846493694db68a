package dev.foldline.aggregate;

import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Payload;
import dev.foldline.json.RecordCodec;
import dev.foldline.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link AggregateType} from records: each command record is bound from the request
 * body by a codec made here, once, and each event record of the sealed event interface is written
 * as its JSON and read back before its applier sees it. The result is an ordinary aggregate type;
 * stores, the HTTP edge and event handlers see {@link Payload}s as before.
 *
 * <p>Names: a command is named by its record's simple name unless given one; an event by its
 * record's simple name unless {@link EventSchema} names it. Every record the sealed interface
 * permits needs an applier (per record with {@link #event}, or one for the whole interface with
 * {@link #events}): {@link #build()} fails naming a record without one, so the fold is exhaustive
 * on Java 17 without pattern switches.
 *
 * @param <S> the state
 * @param <E> the sealed interface the aggregate's event records implement
 */
public final class TypedAggregate<S, E> {

    /** How one event record class is written: its stored name, schema version and codec. */
    record EventCodec<R extends Record>(String name, int schemaVersion, RecordCodec<R> codec) {

        Event toEvent(Object event) {
            return new Event(name, codec.encode(codec.type().cast(event)), schemaVersion);
        }

        Object fromEvent(Event event, String aggregateType) {
            try {
                return codec.decode(event.payload(), false);
            } catch (InvalidArgument stored) {
                // A stored event is not the caller's input: a shape no record reads is a missing upcaster.
                throw new IllegalStateException("event " + name + " (schema version " + event.schemaVersion() + ") of "
                        + aggregateType + " does not bind to " + codec.type().getSimpleName() + ": " + stored.getMessage()
                        + "; did its shape change without a new schema version and an upcaster?");
            }
        }
    }

    /** A command kept until {@link #build()}, when strictness and the event codecs are known. */
    private record PendingCommand<S, E, C extends Record>(String name, Set<String> allowedRoles, RecordCodec<C> codec,
                                                          TypedCommand<S, E, C> body) {

        void register(AggregateType.Builder<S> builder, boolean strict, Map<Class<?>, EventCodec<?>> events) {
            builder.command(name, allowedRoles, context ->
                    body.handle(new TypedContext<>(context, events), codec.decode(context.payload(), strict)));
        }
    }

    private final AggregateType.Builder<S> builder;
    private final Class<E> events;
    private final List<Class<?>> eventRecords;
    private final Map<Class<?>, BiFunction<S, Object, S>> appliers = new LinkedHashMap<>();
    private final List<PendingCommand<S, E, ?>> commands = new ArrayList<>();
    private BiFunction<S, E, S> wholeApplier;
    private boolean strict;

    TypedAggregate(AggregateType.Builder<S> builder, Class<E> events) {
        this.builder = builder;
        this.events = Objects.requireNonNull(events, "events");
        if (!events.isSealed() || !events.isInterface()) {
            throw new IllegalArgumentException("the events of " + builder.typeName() + " must be a sealed interface, not "
                    + events.getName());
        }
        this.eventRecords = permittedRecords(events);
    }

    /** A command named by its record's simple name. */
    public <C extends Record> TypedAggregate<S, E> command(Class<C> type, TypedCommand<S, E, C> body) {
        return command(type.getSimpleName(), type, Set.of(), body);
    }

    public <C extends Record> TypedAggregate<S, E> command(String name, Class<C> type, TypedCommand<S, E, C> body) {
        return command(name, type, Set.of(), body);
    }

    /** A command only actors holding one of {@code allowedRoles} may run. */
    public <C extends Record> TypedAggregate<S, E> command(String name, Class<C> type, Set<String> allowedRoles,
                                                           TypedCommand<S, E, C> body) {
        commands.add(new PendingCommand<>(name, allowedRoles, RecordCodec.of(type), Objects.requireNonNull(body, "body")));
        return this;
    }

    /** The applier of one event record. */
    @SuppressWarnings("unchecked")
    public <V extends E> TypedAggregate<S, E> event(Class<V> type, BiFunction<S, V, S> applier) {
        Objects.requireNonNull(applier, "applier");
        if (appliers.putIfAbsent(type, (state, event) -> applier.apply(state, (V) event)) != null) {
            throw new IllegalStateException(type.getSimpleName() + " has two appliers in " + builder.typeName());
        }
        return this;
    }

    /**
     * One applier for every event record, for a pattern {@code switch} over the sealed interface
     * (Java 21). Use it instead of {@link #event}, not with it.
     */
    public TypedAggregate<S, E> events(BiFunction<S, E, S> applier) {
        this.wholeApplier = Objects.requireNonNull(applier, "applier");
        return this;
    }

    /** Command bodies holding a member their record does not declare are refused (400 naming it). */
    public TypedAggregate<S, E> strict() {
        this.strict = true;
        return this;
    }

    /** See {@link AggregateType.Builder#upcast}: old shapes have no record, so upcasters work on payloads. */
    public TypedAggregate<S, E> upcast(String eventName, int fromVersion, UnaryOperator<Payload> upcaster) {
        builder.upcast(eventName, fromVersion, upcaster);
        return this;
    }

    /** See {@link AggregateType.Builder#upcastInto}. */
    public TypedAggregate<S, E> upcastInto(String eventName, int fromVersion, Upcaster upcaster) {
        builder.upcastInto(eventName, fromVersion, upcaster);
        return this;
    }

    public TypedAggregate<S, E> snapshots(SnapshotPolicy policy) {
        builder.snapshots(policy);
        return this;
    }

    /** Fails naming an event record without an applier, or a record a codec cannot be made for. */
    public AggregateType<S> build() {
        if (wholeApplier != null && !appliers.isEmpty()) {
            throw new IllegalStateException(builder.typeName() + " has both per-record appliers and one for all its events");
        }
        for (Class<?> registered : appliers.keySet()) {
            if (!eventRecords.contains(registered)) {
                throw new IllegalStateException(registered.getSimpleName() + " is not an event record of " + builder.typeName()
                        + ": appliers are registered per record the sealed interface permits");
            }
        }
        Map<Class<?>, EventCodec<?>> codecs = new LinkedHashMap<>();
        for (Class<?> record : eventRecords) {
            EventCodec<?> codec = codecOf(record.asSubclass(Record.class));
            BiFunction<S, Object, S> applier = applierOf(record);
            codecs.put(record, codec);
            builder.event(codec.name(), codec.schemaVersion(),
                    (state, event) -> applier.apply(state, codec.fromEvent(event, builder.typeName())));
        }
        Map<Class<?>, EventCodec<?>> events = Map.copyOf(codecs);
        commands.forEach(command -> command.register(builder, strict, events));
        return builder.build();
    }

    private BiFunction<S, Object, S> applierOf(Class<?> record) {
        if (wholeApplier != null) {
            return (state, event) -> wholeApplier.apply(state, events.cast(event));
        }
        BiFunction<S, Object, S> applier = appliers.get(record);
        if (applier == null) {
            throw new IllegalStateException("event " + record.getSimpleName() + " of " + builder.typeName()
                    + " has no applier: add .event(" + record.getSimpleName() + ".class, ...)");
        }
        return applier;
    }

    private static <R extends Record> EventCodec<R> codecOf(Class<R> record) {
        EventSchema schema = record.getAnnotation(EventSchema.class);
        String name = schema == null || schema.name().isEmpty() ? record.getSimpleName() : schema.name();
        return new EventCodec<>(name, schema == null ? 1 : schema.version(), RecordCodec.of(record));
    }

    /** The records a sealed interface permits, through sealed sub-interfaces; anything else is refused. */
    private static List<Class<?>> permittedRecords(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                records.add(permitted);
            } else if (permitted.isInterface() && permitted.isSealed()) {
                records.addAll(permittedRecords(permitted));
            } else {
                throw new IllegalArgumentException("event " + permitted.getName() + " must be a record or a sealed interface");
            }
        }
        return records;
    }
}

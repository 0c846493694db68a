package dev.foldline.aggregate;

import dev.foldline.errors.NotImplemented;
import dev.foldline.json.Json;
import dev.foldline.json.Payload;
import dev.foldline.model.Envelope;
import dev.foldline.model.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate's definition: its registered name, initial state, commands, event appliers (each
 * at its event's current schema version), upcasters and snapshot policy. State is a plain value
 * (ideally an immutable record) that round-trips through JSON, because snapshots store it that way.
 *
 * <p>This is the dynamic layer, where commands and events are {@link Payload}s; {@link #typed}
 * builds the same thing from records (see {@link TypedAggregate}).
 */
public final class AggregateType<S> {

    private final String name;
    private final Class<S> stateClass;
    private final Supplier<S> initialState;
    private final Map<String, CommandDefinition<S>> commands;
    private final Map<String, VersionedApplier<S>> appliers;
    private final EventSchemas schemas;
    private final SnapshotPolicy snapshotPolicy;

    private record VersionedApplier<S>(int schemaVersion, EventApplier<S> applier) {
    }

    private AggregateType(Builder<S> builder) {
        this.name = builder.name;
        this.stateClass = builder.stateClass;
        this.initialState = builder.initialState;
        this.commands = Map.copyOf(builder.commands);
        this.appliers = Map.copyOf(builder.appliers);
        Map<String, Integer> versions = new LinkedHashMap<>();
        appliers.forEach((event, applier) -> versions.put(event, applier.schemaVersion()));
        this.schemas = new EventSchemas(name, versions, builder.upcasters);
        this.snapshotPolicy = builder.snapshotPolicy;
        if (commands.isEmpty()) {
            throw new NotImplemented("aggregate type " + name + " declares no commands");
        }
    }

    public static <S> Builder<S> named(String name, Class<S> stateClass, Supplier<S> initialState) {
        return new Builder<>(name, stateClass, initialState);
    }

    /**
     * Starts a typed aggregate: commands, events and state as records, the events being the
     * records permitted by the sealed interface {@code events}.
     */
    public static <S, E> TypedAggregate<S, E> typed(String name, Class<S> stateClass, Supplier<S> initialState,
                                                    Class<E> events) {
        return new TypedAggregate<>(named(name, stateClass, initialState), events);
    }

    public String name() {
        return name;
    }

    public S initialState() {
        return initialState.get();
    }

    public Map<String, CommandDefinition<S>> commands() {
        return commands;
    }

    public SnapshotPolicy snapshotPolicy() {
        return snapshotPolicy;
    }

    /**
     * Folds an event, upcast first if it was stored in an older shape. An event nothing reads (no
     * applier, no upcaster from its version, or a version newer than the current one) is a
     * modelling error, reported as {@link dev.foldline.errors.NotImplemented} naming it.
     */
    public S apply(S state, Event event) {
        VersionedApplier<S> applier = appliers.get(event.name());
        if (applier != null && applier.schemaVersion() == event.schemaVersion()) {
            return applied(state, event, applier);
        }
        S folded = state;
        for (Event current : schemas.current(event)) {
            folded = applied(folded, current, appliers.get(current.name()));
        }
        return folded;
    }

    private S applied(S state, Event event, VersionedApplier<S> applier) {
        return Objects.requireNonNull(applier.applier().apply(state, event),
                () -> "applier of " + event.name() + " in " + name + " returned no state");
    }

    /** A new event of this type: stamped with the current schema version of its name. */
    public Event event(String eventName, Payload payload) {
        return new Event(eventName, payload, schemas.currentVersion(eventName));
    }

    /**
     * The envelope as event handlers see it: every event upcast to its current shape (the envelope
     * itself when all are current). Fails like {@link #apply} on an event nothing reads.
     */
    public Envelope inCurrentShapes(Envelope stored) {
        boolean current = true;
        for (Event event : stored.events()) {
            current &= schemas.isCurrent(event);
        }
        if (current) {
            return stored;
        }
        List<Event> events = new ArrayList<>();
        for (Event event : stored.events()) {
            events.addAll(schemas.current(event));
        }
        return new Envelope(stored.stream(), stored.version(), stored.command(), stored.actor(), events,
                stored.committedAt(), stored.idempotencyKey(), stored.fingerprint(), stored.commandId());
    }

    public String stateToJson(S state) {
        return Json.write(state);
    }

    public S stateFromJson(String json) {
        return Json.read(json, stateClass);
    }

    @Override
    public String toString() {
        return "AggregateType[" + name + "]";
    }

    public static final class Builder<S> {
        private final String name;
        private final Class<S> stateClass;
        private final Supplier<S> initialState;
        private final Map<String, CommandDefinition<S>> commands = new LinkedHashMap<>();
        private final Map<String, VersionedApplier<S>> appliers = new LinkedHashMap<>();
        private final Map<EventSchemas.Step, Upcaster> upcasters = new LinkedHashMap<>();
        private SnapshotPolicy snapshotPolicy = SnapshotPolicy.never();

        private Builder(String name, Class<S> stateClass, Supplier<S> initialState) {
            this.name = requireName(name, "aggregate type");
            this.stateClass = Objects.requireNonNull(stateClass, "stateClass");
            this.initialState = Objects.requireNonNull(initialState, "initialState");
        }

        public Builder<S> command(String commandName, CommandBody<S> body) {
            return command(commandName, Set.of(), body);
        }

        /** A command only actors holding one of {@code allowedRoles} may run. */
        public Builder<S> command(String commandName, Set<String> allowedRoles, CommandBody<S> body) {
            requireName(commandName, "command");
            if (commands.putIfAbsent(commandName, new CommandDefinition<>(commandName, allowedRoles, body)) != null) {
                throw new IllegalStateException("command " + commandName + " is declared twice in " + name);
            }
            return this;
        }

        /** An event at schema version 1. */
        public Builder<S> event(String eventName, EventApplier<S> applier) {
            return event(eventName, 1, applier);
        }

        /**
         * An event whose current shape is schema version {@code schemaVersion}: new events of this
         * name are written at it, and each older version needs an upcaster ({@link #upcast}).
         */
        public Builder<S> event(String eventName, int schemaVersion, EventApplier<S> applier) {
            requireName(eventName, "event");
            requireVersion(schemaVersion);
            if (appliers.putIfAbsent(eventName, new VersionedApplier<>(schemaVersion,
                    Objects.requireNonNull(applier, "applier"))) != null) {
                throw new IllegalStateException("event " + eventName + " has two appliers in " + name);
            }
            return this;
        }

        /**
         * How a payload of {@code eventName} stored at {@code fromVersion} becomes the payload of
         * version {@code fromVersion + 1}. Applied on read, chained, before any applier or event
         * handler sees the event.
         */
        public Builder<S> upcast(String eventName, int fromVersion, UnaryOperator<Payload> upcaster) {
            Objects.requireNonNull(upcaster, "upcaster");
            return upcastInto(eventName, fromVersion,
                    payload -> List.of(new Event(eventName, upcaster.apply(payload), fromVersion + 1)));
        }

        /**
         * How an event of {@code eventName} stored at {@code fromVersion} becomes other events:
         * renamed, or split into several. See {@link Upcaster} for the versions they carry.
         */
        public Builder<S> upcastInto(String eventName, int fromVersion, Upcaster upcaster) {
            requireName(eventName, "event");
            requireVersion(fromVersion);
            EventSchemas.Step step = new EventSchemas.Step(eventName, fromVersion);
            if (upcasters.putIfAbsent(step, Objects.requireNonNull(upcaster, "upcaster")) != null) {
                throw new IllegalStateException("event " + eventName + " has two upcasters from version "
                        + fromVersion + " in " + name);
            }
            return this;
        }

        public Builder<S> snapshots(SnapshotPolicy policy) {
            this.snapshotPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public AggregateType<S> build() {
            return new AggregateType<>(this);
        }

        private static void requireVersion(int version) {
            if (version < 1) {
                throw new IllegalArgumentException("schema versions start at 1, not " + version);
            }
        }

        String typeName() {
            return name;
        }

        static String requireName(String value, String what) {
            if (value == null || value.isBlank() || value.chars().anyMatch(c -> c == '/' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException(what + " name must be non-blank without '/' or spaces: "
                        + Arrays.toString(new String[] {value}));
            }
            return value;
        }
    }
}

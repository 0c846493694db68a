package dev.foldline.aggregate;

import dev.foldline.errors.NotImplemented;
import dev.foldline.json.Json;
import dev.foldline.model.Event;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An aggregate's definition: its registered name, initial state, commands, event appliers and
 * snapshot policy. State is a plain value (ideally an immutable record) that round-trips through
 * JSON, because snapshots store it that way.
 */
public final class AggregateType<S> {

    private final String name;
    private final Class<S> stateClass;
    private final Supplier<S> initialState;
    private final Map<String, CommandDefinition<S>> commands;
    private final Map<String, EventApplier<S>> appliers;
    private final SnapshotPolicy snapshotPolicy;

    private AggregateType(Builder<S> builder) {
        this.name = builder.name;
        this.stateClass = builder.stateClass;
        this.initialState = builder.initialState;
        this.commands = Map.copyOf(builder.commands);
        this.appliers = Map.copyOf(builder.appliers);
        this.snapshotPolicy = builder.snapshotPolicy;
        if (commands.isEmpty()) {
            throw new NotImplemented("aggregate type " + name + " declares no commands");
        }
    }

    public static <S> Builder<S> named(String name, Class<S> stateClass, Supplier<S> initialState) {
        return new Builder<>(name, stateClass, initialState);
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

    /** Folds an event; an event with no applier is a modelling error, reported as {@link NotImplemented}. */
    public S apply(S state, Event event) {
        EventApplier<S> applier = appliers.get(event.name());
        if (applier == null) {
            throw new NotImplemented("aggregate type " + name + " has no applier for event " + event.name());
        }
        return Objects.requireNonNull(applier.apply(state, event),
                () -> "applier of " + event.name() + " in " + name + " returned no state");
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
        private final Map<String, EventApplier<S>> appliers = new LinkedHashMap<>();
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

        public Builder<S> event(String eventName, EventApplier<S> applier) {
            requireName(eventName, "event");
            if (appliers.putIfAbsent(eventName, Objects.requireNonNull(applier, "applier")) != null) {
                throw new IllegalStateException("event " + eventName + " has two appliers in " + name);
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

        private static String requireName(String value, String what) {
            if (value == null || value.isBlank() || value.chars().anyMatch(c -> c == '/' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException(what + " name must be non-blank without '/' or spaces: "
                        + Arrays.toString(new String[] {value}));
            }
            return value;
        }
    }
}

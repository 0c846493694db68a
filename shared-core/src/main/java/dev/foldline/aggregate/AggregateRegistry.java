package dev.foldline.aggregate;

import dev.foldline.errors.InvalidArgument;
import dev.foldline.errors.NotFound;
import dev.foldline.model.Envelope;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered aggregate types, resolvable by their name and by the names of their commands.
 * Two types declaring the same command name, or the same type name, fail at startup.
 */
public final class AggregateRegistry {

    private final Map<String, AggregateType<?>> typesByName = new LinkedHashMap<>();
    private final Map<String, AggregateType<?>> typesByCommand = new LinkedHashMap<>();

    public AggregateRegistry(Collection<? extends AggregateType<?>> types) {
        for (AggregateType<?> type : types) {
            if (typesByName.putIfAbsent(type.name(), type) != null) {
                throw new IllegalStateException("aggregate type " + type.name() + " is registered twice");
            }
            for (String command : type.commands().keySet()) {
                AggregateType<?> previous = typesByCommand.putIfAbsent(command, type);
                if (previous != null) {
                    throw new IllegalStateException("command " + command + " is declared by both "
                            + previous.name() + " and " + type.name());
                }
            }
        }
    }

    public static AggregateRegistry of(AggregateType<?>... types) {
        return new AggregateRegistry(List.of(types));
    }

    /** The type handling the command; an unknown name is an invalid argument naming {@code command}. */
    public AggregateType<?> byCommand(String command) {
        AggregateType<?> type = typesByCommand.get(command);
        if (type == null) {
            throw new InvalidArgument("command", "unknown command " + command);
        }
        return type;
    }

    public Optional<AggregateType<?>> findByCommand(String command) {
        return Optional.ofNullable(typesByCommand.get(command));
    }

    public AggregateType<?> byName(String name) {
        AggregateType<?> type = typesByName.get(name);
        if (type == null) {
            throw new NotFound("type", "unknown aggregate type " + name);
        }
        return type;
    }

    /**
     * The envelope with its events upcast to the current shapes of its aggregate type (see
     * {@link AggregateType#inCurrentShapes}); an envelope of a type not registered here is left as is.
     */
    public Envelope inCurrentShapes(Envelope stored) {
        AggregateType<?> type = typesByName.get(stored.stream().aggregateType());
        return type == null ? stored : type.inCurrentShapes(stored);
    }

    public Collection<AggregateType<?>> types() {
        return typesByName.values();
    }
}

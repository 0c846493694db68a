package dev.foldline.projection;

import dev.foldline.model.Envelope;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A handler seeing envelopes in their current shapes; see {@link EventHandler#seeing}. */
final class CurrentShapes implements EventHandler {

    private final EventHandler handler;
    private final UnaryOperator<Envelope> currentShapes;

    CurrentShapes(EventHandler handler, UnaryOperator<Envelope> currentShapes) {
        this.handler = handler;
        this.currentShapes = currentShapes;
    }

    @Override
    public String name() {
        return handler.name();
    }

    @Override
    public Map<String, Reaction> reactions() {
        return handler.reactions();
    }

    /**
     * Judged on the current shapes, where an upcaster may have renamed or split an event. An
     * envelope that cannot be upcast counts as one to handle, so that it fails and parks, naming
     * why, instead of being passed over.
     */
    @Override
    public boolean reactsTo(Envelope envelope) {
        Envelope current;
        try {
            current = currentShapes.apply(envelope);
        } catch (RuntimeException unreadable) {
            return true;
        }
        return handler.reactsTo(current);
    }

    @Override
    public void handle(Envelope envelope) throws Exception {
        handler.handle(currentShapes.apply(envelope));
    }

    /** A rebuild clears the user's read model through the wrapper: it must reach the handler. */
    @Override
    public void reset(String tenant) {
        handler.reset(tenant);
    }

    @Override
    public String toString() {
        return handler.toString();
    }
}

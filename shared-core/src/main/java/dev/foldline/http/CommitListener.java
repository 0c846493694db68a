package dev.foldline.http;

import dev.foldline.model.Envelope;

/**
 * Told about each envelope a command committed, after the commit and before the response. A local
 * runtime feeds its projector here; cloud adapters leave it out because their change feeds do it.
 * A failing listener is logged and does not change the response: the command is committed.
 */
@FunctionalInterface
public interface CommitListener {

    CommitListener NONE = envelope -> { };

    void committed(Envelope envelope);
}

package dev.foldline.projection;

import java.util.List;

/**
 * What one poll did.
 *
 * @param leased   false when another poller holds the thread's lease (nothing was done)
 * @param read     envelopes read from the store
 * @param handled  envelopes handed to handlers that react to them
 * @param more     whether envelopes remain beyond what this poll read
 * @param failures handlers parked on a failing envelope during this poll
 */
public record PollResult(boolean leased, int read, int handled, boolean more, List<HandlerFailure> failures) {

    public PollResult {
        failures = List.copyOf(failures);
    }

    static PollResult notLeased() {
        return new PollResult(false, 0, 0, true, List.of());
    }
}

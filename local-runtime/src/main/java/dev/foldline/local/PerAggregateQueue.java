package dev.foldline.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.http.CommandRunner;
import dev.foldline.model.Actor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs commands naming the same aggregate one after the other. In one process this replaces a race
 * (every loser re-reads and retries, and a busy aggregate can exhaust a command's retries) with a
 * queue, so concurrent commands without an expected version all succeed at the cost of one commit
 * each. Correctness never depends on it: the store's conditional append still decides, and the
 * core still retries when another process writes the same file.
 */
final class PerAggregateQueue implements CommandRunner {

    private static final int STRIPES = 256;

    private final CommandHandler commands;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    PerAggregateQueue(CommandHandler commands) {
        this.commands = commands;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    @Override
    public CommandResult run(Actor actor, String command, JsonObject payload, String idempotencyKey) {
        JsonElement id = payload.get(CommandHandler.AGGREGATE_ID);
        if (id == null || !id.isJsonPrimitive()) {
            // A new aggregate (generated id) cannot be contended; a malformed id fails in the handler.
            return commands.command(actor, command, payload, idempotencyKey);
        }
        ReentrantLock lock = stripes[Math.floorMod((actor.tenant() + '/' + id.getAsString()).hashCode(), STRIPES)];
        lock.lock();
        try {
            return commands.command(actor, command, payload, idempotencyKey);
        } finally {
            lock.unlock();
        }
    }
}

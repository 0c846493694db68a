package dev.foldline.local;

import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Payload;
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
    public CommandResult run(Actor actor, String command, Payload payload, String idempotencyKey) {
        String id = aggregateIdOf(payload);
        if (id == null) {
            // A new aggregate (generated id) cannot be contended; a malformed id fails in the handler.
            return commands.command(actor, command, payload, idempotencyKey);
        }
        ReentrantLock lock = stripes[Math.floorMod((actor.tenant() + '/' + id).hashCode(), STRIPES)];
        lock.lock();
        try {
            return commands.command(actor, command, payload, idempotencyKey);
        } finally {
            lock.unlock();
        }
    }

    private static String aggregateIdOf(Payload payload) {
        if (!payload.has(CommandHandler.AGGREGATE_ID)) {
            return null;
        }
        try {
            return payload.requireString(CommandHandler.AGGREGATE_ID);
        } catch (InvalidArgument notAString) {
            return null;
        }
    }
}

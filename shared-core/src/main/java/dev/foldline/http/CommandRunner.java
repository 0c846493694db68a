package dev.foldline.http;

import dev.foldline.command.CommandResult;
import dev.foldline.json.Payload;
import dev.foldline.model.Actor;

/**
 * How the command route runs a command: the command handler itself by default. A runtime may wrap
 * it, for example to queue commands on the same aggregate instead of letting them race to the store.
 */
@FunctionalInterface
public interface CommandRunner {

    CommandResult run(Actor actor, String command, Payload payload, String idempotencyKey);
}

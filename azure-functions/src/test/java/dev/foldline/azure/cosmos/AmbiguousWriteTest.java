package dev.foldline.azure.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foldline.aggregate.AggregateRegistry;
import dev.foldline.azure.CosmosImitation;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.errors.Unavailable;
import dev.foldline.examples.Numbers;
import dev.foldline.model.Actor;
import dev.foldline.model.StreamId;
import dev.foldline.store.contract.CommandHandlingContract;
import dev.foldline.trace.Tracer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A write whose answer is lost after Cosmos committed it (a 408 or a 5xx). The Java SDK does not
 * resend a create in gateway mode (measured: 408, 410, 500, 503, with and without its
 * non-idempotent write retry option), so the store reports the platform failure as 503
 * ({@link Unavailable}); the client's retry with the same Idempotency-Key then finds the committed
 * envelope and gets the original result, and nothing is written twice.
 */
@ExtendWith(CosmosImitation.class)
class AmbiguousWriteTest {

    private static CosmosEventStore store;

    private final Actor actor = Actor.of("t-" + UUID.randomUUID(), "user1", "user");

    @BeforeAll
    static void setUp() {
        CosmosStoreOptions options = CosmosStoreOptions.defaults("ambiguous-" + UUID.randomUUID());
        CosmosContainers.createIfMissing(CosmosImitation.client(), options);
        store = new CosmosEventStore(CosmosImitation.client(), options, Tracer.NOOP);
    }

    private static CommandHandler handler() {
        return new CommandHandler(store, AggregateRegistry.of(Numbers.type()));
    }

    @Test
    void a_lost_answer_is_unavailable_and_the_keyed_retry_gets_the_committed_result_once() {
        CosmosImitation.loseAnswers(1, 408);
        try {
            assertThatThrownBy(() -> handler().command(actor, "AddNumbers", CommandHandlingContract.add("lost", 1, 2), "key-1"))
                    .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.kind().httpStatus()).isEqualTo(503));
        } finally {
            CosmosImitation.loseAnswers(0, 408);
        }

        CommandResult retried = handler().command(actor, "AddNumbers", CommandHandlingContract.add("lost", 1, 2), "key-1");

        assertThat(retried.version()).isZero();
        assertThat(retried.state()).isEqualTo(new Numbers.State(3));
        assertThat(store.read(new StreamId(actor.tenant(), "numbers", "lost"), 0, 10)).hasSize(1);
    }

    @Test
    void a_server_error_after_commit_is_unavailable_too() {
        CosmosImitation.loseAnswers(1, 503);
        try {
            assertThatThrownBy(() -> handler().command(actor, "AddNumbers", CommandHandlingContract.add("five", 1, 2)))
                    .isInstanceOf(Unavailable.class);
        } finally {
            CosmosImitation.loseAnswers(0, 408);
        }
    }
}

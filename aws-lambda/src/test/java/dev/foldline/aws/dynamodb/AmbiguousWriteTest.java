package dev.foldline.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.aws.LocalDynamoDb;
import dev.foldline.aws.RequestCounter;
import dev.foldline.command.CommandHandler;
import dev.foldline.command.CommandResult;
import dev.foldline.examples.Examples;
import dev.foldline.examples.Numbers;
import dev.foldline.model.Actor;
import dev.foldline.model.Envelope;
import dev.foldline.model.StreamId;
import dev.foldline.store.contract.CommandHandlingContract;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A write whose answer is lost after DynamoDB committed it (the client sees a 500 and the SDK sends
 * it again): the resent write fails its condition on the item the first send wrote, and the store
 * must recognise that item as its own from the failed condition (ALL_OLD), not report a conflict
 * that would make the command run a second time.
 */
@ExtendWith(LocalDynamoDb.class)
class AmbiguousWriteTest {

    /** Turns the answer to the next PutItem into a 500 after the server has committed it. */
    static final class LostAnswer implements ExecutionInterceptor {
        private final AtomicBoolean armed = new AtomicBoolean();

        void armForNextPut() {
            armed.set(true);
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            boolean put = "PutItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            if (put && context.httpResponse().isSuccessful() && armed.compareAndSet(true, false)) {
                return context.httpResponse().toBuilder().statusCode(500).statusText("Internal Server Error").build();
            }
            return context.httpResponse();
        }
    }

    private static final LostAnswer lostAnswer = new LostAnswer();
    private static final RequestCounter requests = new RequestCounter();
    private static DynamoDbEventStore store;

    private final Actor actor = Actor.of("t-" + UUID.randomUUID(), "user1");

    @BeforeAll
    static void setUp() {
        DynamoDbClient client = LocalDynamoDb.client(requests, lostAnswer);
        store = new DynamoDbEventStore(client, DynamoDbStoreOptions.defaults(LocalDynamoDb.newTable(client)));
    }

    @BeforeEach
    void reset() {
        requests.reset();
    }

    private List<Envelope> envelopes(String id) {
        return store.read(new StreamId(actor.tenant(), Numbers.NAME, id), 0, Long.MAX_VALUE);
    }

    @Test
    void a_command_whose_committed_write_was_answered_with_a_500_commits_once_and_succeeds() {
        CommandHandler handler = new CommandHandler(store, Examples.registry());
        handler.command(actor, "AddNumbers", CommandHandlingContract.add("a1", 1, 2));
        requests.reset();

        lostAnswer.armForNextPut();
        CommandResult result = handler.command(actor, "AddNumbers", CommandHandlingContract.add("a1", 3, 4));

        assertThat(requests.operations()).containsExactly("PutItem", "PutItem");
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.state()).isEqualTo(new Numbers.State(10));
        assertThat(envelopes("a1")).extracting(Envelope::version).containsExactly(0L, 1L);
        CommandResult next = handler.command(actor, "AddNumbers", CommandHandlingContract.add("a1", 0, 1));
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.state()).isEqualTo(new Numbers.State(11));
    }

    @Test
    void a_new_aggregate_whose_first_write_was_answered_with_a_500_is_created_once() {
        CommandHandler handler = new CommandHandler(store, Examples.registry());

        lostAnswer.armForNextPut();
        CommandResult result = handler.command(actor, "AddNumbers", CommandHandlingContract.add(null, 1, 2));

        assertThat(requests.operations()).containsExactly("PutItem", "PutItem");
        assertThat(result.version()).isZero();
        assertThat(envelopes(result.aggregateId())).hasSize(1);
    }
}

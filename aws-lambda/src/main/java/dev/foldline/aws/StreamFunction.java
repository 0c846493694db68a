package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.foldline.aws.dynamodb.StoreItem;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.projection.BatchResult;
import dev.foldline.projection.Delivery;
import dev.foldline.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Feeds a DynamoDB Streams batch to the core {@link Projector}. Envelope items are decoded from
 * NEW_IMAGE; checkpoints, REMOVE records (TTL or otherwise) and anything that is not an envelope
 * are ignored. The projector skips duplicates, fills gaps from the store and parks a failing
 * handler; the first record a failure stopped at ({@link BatchResult#retryFrom()}) is reported in
 * {@code batchItemFailures}, so Lambda checkpoints the batch before it and retries in order from it.
 */
public final class StreamFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** Projection progress of this function is kept under this scope (env {@code FOLDLINE_PROJECTION_SCOPE}). */
    public static final String DEFAULT_SCOPE = "dynamodb-stream";

    private final AwsRuntime runtime;
    private final Projector projector;
    private final String scope;

    public StreamFunction() {
        this(AwsRuntime.fromEnvironment(System.getenv()));
    }

    public StreamFunction(AwsRuntime runtime) {
        this.runtime = runtime;
        this.projector = new Projector(runtime.store(), Projector.DEFAULT_ATTEMPTS, runtime.tracer());
        this.scope = runtime.projectionScope();
    }

    public Projector projector() {
        return projector;
    }

    public String scope() {
        return scope;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<Delivery<String>> batch = new ArrayList<>();
        if (event.getRecords() != null) {
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                Envelope envelope = envelopeOf(record);
                if (envelope != null) {
                    batch.add(new Delivery<>(record.getDynamodb().getSequenceNumber(), envelope));
                }
            }
        }
        if (batch.isEmpty()) {
            return new StreamsEventResponse(List.of());
        }
        BatchResult<String> result = projector.projectBatch(scope, batch, runtime.applications().handlers());
        return new StreamsEventResponse(result.retryFrom()
                .map(sequenceNumber -> List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                .orElse(List.of()));
    }

    /** The envelope in the record's new image, or null for anything that is not an inserted envelope. */
    static Envelope envelopeOf(DynamodbEvent.DynamodbStreamRecord record) {
        if (record == null || record.getDynamodb() == null || "REMOVE".equals(record.getEventName())) {
            return null;
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            return null;
        }
        AttributeValue kind = image.get(StoreItem.KIND);
        AttributeValue envelope = image.get(StoreItem.ENVELOPE);
        if (kind == null || !StoreItem.KIND_ENVELOPE.equals(kind.getS()) || envelope == null || envelope.getS() == null) {
            return null;
        }
        return EnvelopeCodec.read(envelope.getS());
    }
}

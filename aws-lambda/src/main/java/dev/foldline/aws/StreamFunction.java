package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.foldline.aws.dynamodb.StoreItem;
import dev.foldline.json.EnvelopeCodec;
import dev.foldline.model.Envelope;
import dev.foldline.projection.HandlerFailure;
import dev.foldline.projection.ProjectionReport;
import dev.foldline.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Feeds a DynamoDB Streams batch to the core {@link Projector}. Envelope items are decoded from
 * NEW_IMAGE; checkpoints, REMOVE records (TTL or otherwise) and anything that is not an envelope
 * are ignored. The projector skips duplicates, fills gaps from the store and parks a failing
 * handler; the first record whose envelope failed is reported in {@code batchItemFailures}, so
 * Lambda checkpoints the batch before it and retries in order from it.
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
        List<Delivered> delivered = new ArrayList<>();
        if (event.getRecords() != null) {
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                Envelope envelope = envelopeOf(record);
                if (envelope != null) {
                    delivered.add(new Delivered(record.getDynamodb().getSequenceNumber(), envelope));
                }
            }
        }
        if (delivered.isEmpty()) {
            return new StreamsEventResponse(List.of());
        }
        ProjectionReport report = projector.project(scope, delivered.stream().map(Delivered::envelope).toList(),
                runtime.applications().handlers());
        String failed = firstFailed(delivered, report.failures());
        return new StreamsEventResponse(failed == null ? List.of()
                : List.of(new StreamsEventResponse.BatchItemFailure(failed)));
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

    /**
     * The sequence number of the earliest record in the batch that a failure stopped at: the record
     * of the failed envelope, or, when the failure is a version the batch did not carry, the first
     * record of that stream after it.
     */
    private static String firstFailed(List<Delivered> delivered, List<HandlerFailure> failures) {
        int first = Integer.MAX_VALUE;
        for (HandlerFailure failure : failures) {
            int fallback = -1;
            for (int i = 0; i < delivered.size(); i++) {
                Envelope envelope = delivered.get(i).envelope();
                if (envelope.stream().equals(failure.stream())) {
                    if (envelope.version() >= failure.version()) {
                        fallback = i;
                        break;
                    }
                    if (fallback < 0) {
                        fallback = i;
                    }
                }
            }
            if (fallback >= 0) {
                first = Math.min(first, fallback);
            }
        }
        return first == Integer.MAX_VALUE ? null : delivered.get(first).sequenceNumber();
    }

    private record Delivered(String sequenceNumber, Envelope envelope) {
    }
}

package dev.foldline.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Converts DynamoDB Streams records as the SDK reads them (GetRecords) into the
 * {@link DynamodbEvent} Lambda's event source mapping delivers. No library does this direction.
 */
public final class StreamRecords {

    private StreamRecords() {
    }

    public static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record record : records) {
            converted.add(record(record, streamArn));
        }
        event.setRecords(converted);
        return event;
    }

    public static DynamodbEvent.DynamodbStreamRecord record(Record record, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord converted = new DynamodbEvent.DynamodbStreamRecord();
        converted.setEventID(record.eventID());
        converted.setEventName(record.eventNameAsString());
        converted.setEventVersion(record.eventVersion());
        converted.setEventSource(record.eventSource());
        converted.setAwsRegion(record.awsRegion());
        converted.setEventSourceARN(streamArn);
        if (record.userIdentity() != null) {
            converted.setUserIdentity(new Identity()
                    .withPrincipalId(record.userIdentity().principalId())
                    .withType(record.userIdentity().type()));
        }
        var source = record.dynamodb();
        StreamRecord target = new StreamRecord();
        if (source.approximateCreationDateTime() != null) {
            target.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        target.setKeys(image(source.keys()));
        target.setNewImage(source.hasNewImage() ? image(source.newImage()) : null);
        target.setOldImage(source.hasOldImage() ? image(source.oldImage()) : null);
        target.setSequenceNumber(source.sequenceNumber());
        target.setSizeBytes(source.sizeBytes());
        target.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                .fromValue(source.streamViewTypeAsString()));
        converted.setDynamodb(target);
        return converted;
    }

    private static Map<String, AttributeValue> image(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue converted = new AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(b -> b.asByteBuffer()).toList());
            case M -> converted.setM(image(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamRecords::value).toList());
            case NUL -> converted.setNULL(value.nul());
            case BOOL -> converted.setBOOL(value.bool());
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return converted;
    }
}

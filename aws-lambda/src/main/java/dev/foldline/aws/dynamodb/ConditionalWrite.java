package dev.foldline.aws.dynamodb;

import dev.foldline.errors.TooLarge;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one place where DynamoDB's ways of saying "condition failed" (a ConditionalCheckFailed, or a
 * transaction cancelled for one) become a value, and its item-size refusal the core's error.
 */
final class ConditionalWrite {

    private ConditionalWrite() {
    }

    /** Runs a conditional write: true when it was written, false when its condition failed. */
    static boolean conditionally(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .map(CancellationReason::code).anyMatch("ConditionalCheckFailed"::equals)) {
                return false;
            }
            throw e;
        } catch (DynamoDbException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Item size has exceeded") || message.contains("Item size to update has exceeded")) {
                throw new TooLarge("DynamoDB refused the item: " + message);
            }
            throw e;
        }
    }
}

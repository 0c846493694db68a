package dev.foldline.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests the AWS SDK really sends, by operation. Hooked before transmission, so
 * a retried attempt counts again.
 */
public final class SdkRequestCounter extends RequestCounts implements ExecutionInterceptor {

    public SdkRequestCounter() {
        super(false);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        count(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1);
    }
}

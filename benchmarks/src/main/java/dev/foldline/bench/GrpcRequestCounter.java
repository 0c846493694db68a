package dev.foldline.bench;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * Counts the RPCs the Firestore client sends, by method ({@code Commit}, {@code RunQuery}), as a
 * gRPC interceptor on its channel: a call the client library retries counts again.
 */
public final class GrpcRequestCounter extends RequestCounts implements ClientInterceptor {

    public GrpcRequestCounter() {
        super(false);
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        count(method.getBareMethodName(), 1);
        return next.newCall(method, options);
    }
}

package dev.foldline.gcp;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every RPC the Firestore client sends (retries included) by method name, such as
 * {@code Commit} or {@code RunQuery}, and can answer the next calls of one method with a failure
 * status instead of sending them, as an overloaded or contended service would.
 */
public final class RpcRecorder implements ClientInterceptor {

    private final List<String> methods = new CopyOnWriteArrayList<>();
    private volatile String failing;
    private volatile Status failure;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        String name = method.getBareMethodName();
        methods.add(name);
        if (name.equals(failing) && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Refused<>(failure);
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        };
    }

    /** The next {@code times} calls of the method fail with the status without reaching the server. */
    public void fail(String method, Status status, int times) {
        this.failing = method;
        this.failure = status;
        this.failuresLeft.set(times);
    }

    public void reset() {
        methods.clear();
        failuresLeft.set(0);
    }

    public List<String> methods() {
        return List.copyOf(methods);
    }

    /** A call answered with a status at once, nothing sent. */
    private static final class Refused<Q, A> extends ClientCall<Q, A> {
        private final Status status;

        Refused(Status status) {
            this.status = status;
        }

        @Override
        public void start(Listener<A> listener, Metadata headers) {
            listener.onClose(status, new Metadata());
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void cancel(String message, Throwable cause) {
        }

        @Override
        public void halfClose() {
        }

        @Override
        public void sendMessage(Q message) {
        }
    }
}

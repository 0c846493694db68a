package dev.foldline.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.cloud.functions.invoker.runner.Invoker;
import io.cloudevents.CloudEvent;
import java.util.function.Consumer;

/**
 * A function served over HTTP by the Functions Framework's own server ({@code java-function-invoker},
 * in this JVM, on a free port), as Cloud Functions serves it. The framework builds the function
 * from its class name with a no-argument constructor, so the served classes here take the runtime
 * that the test set in {@link #runtime} before starting the server.
 */
public final class FunctionServer implements AutoCloseable {

    /** The runtime the next function the framework builds will use. */
    static volatile GcpRuntime runtime;
    /** Told of each event the served trigger function handled without failing. */
    static volatile Consumer<CloudEvent> onDelivered = event -> { };

    private final Invoker invoker;
    private final int port;

    private FunctionServer(Invoker invoker, int port) {
        this.invoker = invoker;
        this.port = port;
    }

    public static FunctionServer http(GcpRuntime runtime) {
        return start(runtime, ServedHttpApi.class, "http", FirestoreEmulator.freePort());
    }

    public static FunctionServer parkedRetry(GcpRuntime runtime) {
        return start(runtime, ServedParkedRetry.class, "http", FirestoreEmulator.freePort());
    }

    /** The trigger function on the given port (the emulator is told the port before it starts). */
    public static FunctionServer firestoreTrigger(GcpRuntime runtime, int port) {
        return firestoreTrigger(runtime, port, null);
    }

    /** The trigger function, telling the tracker of each event it handled. */
    static FunctionServer firestoreTrigger(GcpRuntime runtime, int port, DeliveryTracker tracker) {
        onDelivered = tracker == null ? event -> { } : tracker::delivered;
        return start(runtime, ServedTrigger.class, "cloudevent", port);
    }

    private static FunctionServer start(GcpRuntime functionRuntime, Class<?> target, String signature, int port) {
        runtime = functionRuntime;
        Invoker invoker = new Invoker(port, target.getName(), signature, FunctionServer.class.getClassLoader());
        try {
            invoker.startTestServer();
        } catch (Exception e) {
            throw new IllegalStateException("the functions framework did not start " + target.getSimpleName(), e);
        }
        return new FunctionServer(invoker, port);
    }

    public int port() {
        return port;
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            invoker.stopServer();
        } catch (Exception e) {
            throw new IllegalStateException("the functions framework did not stop", e);
        }
    }

    public static final class ServedHttpApi implements HttpFunction {
        private final HttpApiFunction function = new HttpApiFunction(runtime);

        @Override
        public void service(HttpRequest request, HttpResponse response) throws Exception {
            function.service(request, response);
        }
    }

    public static final class ServedParkedRetry implements HttpFunction {
        private final ParkedRetryFunction function = new ParkedRetryFunction(runtime);

        @Override
        public void service(HttpRequest request, HttpResponse response) throws Exception {
            function.service(request, response);
        }
    }

    public static final class ServedTrigger implements CloudEventsFunction {
        private final FirestoreTriggerFunction function = new FirestoreTriggerFunction(runtime);
        private final Consumer<CloudEvent> delivered = onDelivered;

        @Override
        public void accept(CloudEvent event) throws Exception {
            function.accept(event);
            delivered.accept(event);
        }
    }
}

package dev.foldline.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.cloud.functions.invoker.runner.Invoker;
import io.cloudevents.CloudEvent;
import java.net.BindException;
import java.util.function.Consumer;

/**
 * A function served over HTTP by the Functions Framework's own server ({@code java-function-invoker},
 * in this JVM, on a free port), as Cloud Functions serves it. The framework builds the function
 * from its class name with a no-argument constructor, so the served classes here take the runtime
 * that the test set in {@link #runtime} before starting the server.
 *
 * <p>A port found free is not held: until the server binds it, any connection this machine opens
 * may be given it. So each server binds as soon as its port is chosen, and chooses another if the
 * port was taken meanwhile.
 */
public final class FunctionServer implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 5;

    /** The runtime the next HTTP function the framework builds will use. */
    static volatile GcpRuntime runtime;
    /** Where the next trigger function the framework builds finds what it handles events with. */
    private static volatile TriggerTarget nextTrigger;

    private final Invoker invoker;
    private final int port;
    private final TriggerTarget trigger;

    private FunctionServer(Invoker invoker, int port, TriggerTarget trigger) {
        this.invoker = invoker;
        this.port = port;
        this.trigger = trigger;
    }

    public static FunctionServer http(GcpRuntime runtime) {
        FunctionServer.runtime = runtime;
        return start(ServedHttpApi.class, "http", null);
    }

    public static FunctionServer parkedRetry(GcpRuntime runtime) {
        FunctionServer.runtime = runtime;
        return start(ServedParkedRetry.class, "http", null);
    }

    /**
     * The Firestore-triggered function, listening before the emulator that calls it starts (the
     * emulator is told its port at start). It handles events once {@link #handle} gives it a runtime.
     */
    public static FunctionServer firestoreTrigger() {
        TriggerTarget target = new TriggerTarget();
        nextTrigger = target;
        return start(ServedTrigger.class, "cloudevent", target);
    }

    /** The runtime this trigger function handles events with. */
    public FunctionServer handle(GcpRuntime triggerRuntime) {
        return handle(triggerRuntime, null);
    }

    /** The runtime this trigger function handles events with, telling the tracker of each event handled. */
    FunctionServer handle(GcpRuntime triggerRuntime, DeliveryTracker tracker) {
        if (trigger == null) {
            throw new IllegalStateException("not a trigger function");
        }
        trigger.delivered = tracker == null ? event -> { } : tracker::delivered;
        trigger.function = new FirestoreTriggerFunction(triggerRuntime);
        return this;
    }

    private static FunctionServer start(Class<?> target, String signature, TriggerTarget trigger) {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = FirestoreEmulator.freePort();
            Invoker invoker = new Invoker(port, target.getName(), signature, FunctionServer.class.getClassLoader());
            try {
                invoker.startTestServer();
                return new FunctionServer(invoker, port, trigger);
            } catch (Exception e) {
                stopQuietly(invoker);
                failure = new IllegalStateException("the functions framework did not start "
                        + target.getSimpleName() + " on port " + port, e);
                if (!portTaken(e)) {
                    throw failure;
                }
            }
        }
        throw failure;
    }

    private static boolean portTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(Invoker invoker) {
        try {
            invoker.stopServer();
        } catch (Exception alreadyFailed) {
            // the start failure is the one worth reporting
        }
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

    /** Filled by {@link #handle} once the test has the runtime, which needs the emulator started. */
    private static final class TriggerTarget {
        volatile FirestoreTriggerFunction function;
        volatile Consumer<CloudEvent> delivered = event -> { };
    }

    public static final class ServedTrigger implements CloudEventsFunction {
        private final TriggerTarget target = nextTrigger;

        @Override
        public void accept(CloudEvent event) throws Exception {
            FirestoreTriggerFunction function = target.function;
            if (function == null) {
                throw new IllegalStateException("an event arrived before the test gave the trigger function its runtime");
            }
            function.accept(event);
            target.delivered.accept(event);
        }
    }
}

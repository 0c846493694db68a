package dev.foldline.aws;

import dev.foldline.app.Application;
import dev.foldline.app.Applications;
import dev.foldline.app.Assembly;
import dev.foldline.app.FunctionSettings;
import dev.foldline.aws.dynamodb.DynamoDbClients;
import dev.foldline.aws.dynamodb.DynamoDbEventStore;
import dev.foldline.aws.dynamodb.DynamoDbStoreOptions;
import dev.foldline.store.EventStore;
import java.util.List;
import java.util.Map;

/**
 * What the functions build once per container (and what SnapStart snapshots): the DynamoDB client
 * and store from the environment, and the applications {@link Assembly} builds from it. Nothing
 * random and nothing time-based is made here.
 */
public record AwsRuntime(EventStore store, Applications applications, Map<String, String> env)
        implements FunctionSettings {

    public AwsRuntime {
        env = Map.copyOf(env);
    }

    public static AwsRuntime fromEnvironment(Map<String, String> env) {
        EventStore store = new DynamoDbEventStore(DynamoDbClients.fromEnvironment(env),
                DynamoDbStoreOptions.fromEnvironment(env));
        return new AwsRuntime(store, Assembly.fromSettings(env, store, AwsRuntime.class.getClassLoader()), env);
    }

    /** The given applications only (tests), wired to the store. */
    public static AwsRuntime of(EventStore store, List<? extends Application> applications, Map<String, String> env) {
        return new AwsRuntime(store, Assembly.of(store, applications), env);
    }

    @Override
    public String defaultProjectionScope() {
        return StreamFunction.DEFAULT_SCOPE;
    }
}

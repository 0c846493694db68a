package dev.foldline.gcp.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.util.Map;

/**
 * Builds the one Firestore client of a function instance: the project from
 * {@code GOOGLE_CLOUD_PROJECT} (else the metadata server), the database from
 * {@code FOLDLINE_FIRESTORE_DATABASE} (else {@code (default)}), and the emulator when
 * {@code FIRESTORE_EMULATOR_HOST} is set (read by the client library itself).
 */
public final class FirestoreClients {

    private FirestoreClients() {
    }

    public static Firestore fromEnvironment(Map<String, String> env) {
        FirestoreOptions.Builder builder = FirestoreOptions.newBuilder();
        String project = env.get("GOOGLE_CLOUD_PROJECT");
        if (project != null && !project.isBlank()) {
            builder.setProjectId(project.trim());
        }
        String database = env.get("FOLDLINE_FIRESTORE_DATABASE");
        if (database != null && !database.isBlank()) {
            builder.setDatabaseId(database.trim());
        }
        return builder.build().getService();
    }
}

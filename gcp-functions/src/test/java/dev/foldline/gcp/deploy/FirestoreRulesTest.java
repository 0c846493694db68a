package dev.foldline.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foldline.gcp.FirestoreEmulator;
import dev.foldline.gcp.Resources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's {@code firestore.rules}, enforced by the emulator: a signed-in client reads its own
 * tenant's documents only, and no client writes. The emulator takes the claims of an unsigned
 * token as Firebase Authentication would after verifying one; the owner token bypasses rules as
 * the functions' service account does.
 */
class FirestoreRulesTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static FirestoreEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = FirestoreEmulator.start("--rules=" + Path.of("firestore.rules").toAbsolutePath());
        emulator.send(write("tenants/t1/envelopes/numbers|a|0000000000000000000", "owner"));
        emulator.send(write("tenants/t1/checkpoints/view%2Fcounter%2Fa", "owner"));
    }

    @AfterAll
    static void stop() throws Exception {
        Resources.closeAll(emulator);
    }

    private static String token(String tenant) {
        String claims = "{\"sub\":\"u1\",\"user_id\":\"u1\",\"tenant\":\"" + tenant + "\","
                + "\"iss\":\"https://securetoken.google.com/" + FirestoreEmulator.PROJECT + "\","
                + "\"aud\":\"" + FirestoreEmulator.PROJECT + "\",\"iat\":1,\"exp\":9999999999}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static URI document(String path) {
        return emulator.uri("/v1/projects/" + FirestoreEmulator.PROJECT + "/databases/(default)/documents/"
                + path.replace("|", "%7C"));
    }

    private static HttpRequest write(String path, String bearer) {
        return HttpRequest.newBuilder(document(path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"fields\":{\"envelope\":{\"stringValue\":\"{}\"}}}"))
                .build();
    }

    private static int status(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int read(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(document(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return status(request.build());
    }

    @Test
    void a_client_reads_its_own_tenants_envelopes_and_checkpoints() throws Exception {
        assertThat(read("tenants/t1/envelopes/numbers|a|0000000000000000000", token("t1"))).isEqualTo(200);
        assertThat(read("tenants/t1/checkpoints/view%2Fcounter%2Fa", token("t1"))).isEqualTo(200);
    }

    @Test
    void another_tenants_client_and_an_anonymous_one_read_nothing() throws Exception {
        assertThat(read("tenants/t1/envelopes/numbers|a|0000000000000000000", token("t2"))).isEqualTo(403);
        assertThat(read("tenants/t1/envelopes/numbers|a|0000000000000000000", null)).isEqualTo(403);
    }

    @Test
    void no_client_writes_not_even_in_its_own_tenant() throws Exception {
        assertThat(status(write("tenants/t1/envelopes/numbers|a|0000000000000000001", token("t1")))).isEqualTo(403);
        assertThat(status(write("elsewhere/x", token("t1")))).isEqualTo(403);
    }
}

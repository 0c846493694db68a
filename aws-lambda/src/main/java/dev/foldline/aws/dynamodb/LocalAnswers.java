package dev.foldline.aws.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that answers every DynamoDB request in process, as DynamoDB answers a success on
 * an empty table: a Query finds nothing, anything else succeeds with no attributes. Nothing leaves
 * the process. For priming only: a store on it runs a command's whole success path (the SDK's
 * marshalling, signing and unmarshalling, the store's own code) without writing anything, which
 * the real table's priming cannot do (an accepted put would be a write).
 */
final class LocalAnswers implements SdkHttpClient {

    private static final byte[] NO_ITEMS = "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_ATTRIBUTES = "{}".getBytes(StandardCharsets.UTF_8);

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String operation = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        byte[] body = operation.endsWith(".Query") ? NO_ITEMS : NO_ATTRIBUTES;
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream sent = request.contentStreamProvider().get().newStream()) {
                        sent.transferTo(OutputStream.nullOutputStream());
                    }
                }
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", String.valueOf(body.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }

    @Override
    public String clientName() {
        return "FoldlineLocalAnswers";
    }
}

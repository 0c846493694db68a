package dev.foldline.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hand-written fakes of the Functions Java interfaces a function touches (the Java worker that
 * implements them is not published to Maven Central): a request, its response builder and
 * response, and an execution context. They behave as the worker does where the functions depend
 * on it: header names arrive in lower case, an empty body is an empty Optional. Public for the
 * benchmarks' cold-start probe, which calls the function as the worker would.
 */
public final class FakeFunctions {

    private FakeFunctions() {
    }

    public static Request request(String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        return new Request(HttpMethod.value(method.toUpperCase(Locale.ROOT)), URI.create("https://foldline.azurewebsites.net" + target),
                lowerCase, body == null || body.length == 0 ? Optional.empty() : Optional.of(body));
    }

    public static ExecutionContext context(String functionName) {
        return new ExecutionContext() {
            @Override
            public Logger getLogger() {
                return Logger.getLogger(functionName);
            }

            @Override
            public String getInvocationId() {
                return "test-invocation";
            }

            @Override
            public String getFunctionName() {
                return functionName;
            }
        };
    }

    public record Request(HttpMethod method, URI uri, Map<String, String> headers, Optional<byte[]> body)
            implements HttpRequestMessage<Optional<byte[]>> {

        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public HttpMethod getHttpMethod() {
            return method;
        }

        @Override
        public Map<String, String> getHeaders() {
            return headers;
        }

        @Override
        public Map<String, String> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Optional<byte[]> getBody() {
            return body;
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return new Builder(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return new Builder(status);
        }
    }

    static final class Builder implements HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        Builder(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType newStatus) {
            this.status = newStatus;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object newBody) {
            this.body = newBody;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return new Response(status, Map.copyOf(headers), body);
        }
    }

    public record Response(HttpStatusType status, Map<String, String> headers, Object body) implements HttpResponseMessage {

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        @Override
        public Object getBody() {
            return body;
        }
    }
}

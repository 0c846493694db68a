package dev.foldline.bench.coldstart;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its response as the Functions Framework hands them to an {@code HttpFunction},
 * in memory: the cold-start probe times the function, not the framework's Jetty, which the bare
 * probe does not start either. Only what a function reads of a plain POST is filled in.
 */
final class FunctionsFrameworkExchange {

    private final Request request;
    private final Response response = new Response();

    FunctionsFrameworkExchange(String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        headers.forEach((name, value) -> lists.put(name, List.of(value)));
        this.request = new Request(method, path, Map.copyOf(lists), body);
    }

    HttpRequest request() {
        return request;
    }

    HttpResponse response() {
        return response;
    }

    int status() {
        return response.status;
    }

    private record Request(String method, String path, Map<String, List<String>> headers, byte[] body)
            implements HttpRequest {

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getUri() {
            return "http://localhost" + path;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public Optional<String> getQuery() {
            return Optional.empty();
        }

        @Override
        public Map<String, List<String>> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Map<String, HttpPart> getParts() {
            return Map.of();
        }

        @Override
        public Optional<String> getContentType() {
            return getFirstHeader("Content-Type");
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public Optional<String> getCharacterEncoding() {
            return Optional.of("UTF-8");
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }
    }

    private static final class Response implements HttpResponse {
        private int status = 200;
        private String contentType;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void setStatusCode(int code) {
            status = code;
        }

        @Override
        public void setStatusCode(int code, String message) {
            status = code;
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public void appendHeader(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getOutputStream() {
            return body;
        }

        @Override
        public BufferedWriter getWriter() {
            return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
    }
}

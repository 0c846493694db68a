package dev.foldline.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes on a socket, as they are: for the requests no well-behaved client sends (stalled, truncated,
 * malformed) and for reading exactly what the server answered, or that it hung up.
 */
final class RawHttp {

    /** Generous, so a broken build fails instead of hanging; never a measure of speed. */
    static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** Opens a connection and sends {@code start} without finishing the request; the caller closes it. */
    static Socket stall(URI base, String start) {
        try {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the server has closed the connection: the bytes cannot be sent (a reset, after a write or two). */
    static boolean sendFails(Socket socket, String bytes) {
        try {
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return false;
        } catch (IOException closedByServer) {
            return true;
        }
    }

    /** Sends the bytes, half-closes, and reads the whole answer; {@code null} if the server hung up without one. */
    static Answer exchange(URI base, byte[] request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException serverClosedFirst) {
                // The server may answer and close before reading all of a bad request; read what it said.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer exchange(URI base, String request) {
        return exchange(base, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads up to the end of the stream and returns the first answer; {@code null} if none came before the end. */
    static Answer read(InputStream in) throws IOException {
        List<Answer> answers = parse(readToEnd(in));
        return answers.isEmpty() ? null : answers.get(0);
    }

    /** Sends the bytes, half-closes, and reads every answer up to the end of the stream (pipelined requests). */
    static List<Answer> exchangeAll(URI base, byte[] request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException serverClosedFirst) {
                // Answered and closed before reading all of a bad request: read what it said.
            }
            return parse(readToEnd(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException resetAfterAnswer) {
            // A reset after the answer still leaves the answer readable; without one it is a hang-up.
        }
        return all.toByteArray();
    }

    /** Answers one after the other, each body as long as its Content-Length says (or to the end). */
    private static List<Answer> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Answer> answers = new ArrayList<>();
        int start = 0;
        while (text.startsWith("HTTP/", start)) {
            int end = text.indexOf("\r\n\r\n", start);
            if (end < 0) {
                break;
            }
            String[] lines = text.substring(start, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int bodyStart = end + 4;
            String length = headers.get("content-length");
            int bodyEnd = length == null ? text.length() : Math.min(text.length(), bodyStart + Integer.parseInt(length));
            String body = new String(text.substring(bodyStart, bodyEnd).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            answers.add(new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body));
            start = bodyEnd;
        }
        return answers;
    }

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        boolean isProblem() {
            return header("Content-Type").startsWith("application/problem+json") && body.contains("\"status\":" + status);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}

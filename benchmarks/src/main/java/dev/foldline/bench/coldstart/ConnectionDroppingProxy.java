package dev.foldline.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free loopback port that can end every connection through it at once, in one of
 * two ways. A SnapStart restore resumes the JVM with its objects but none of the connections the
 * snapshot held. {@link #dropAll()} closes them cleanly, which a client sees before it reuses one;
 * {@link #forgetAll()} leaves them looking open and resets each when the client next sends on it,
 * as a peer answers a connection it no longer knows (the restored kernel still has the socket).
 */
final class ConnectionDroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Client ends of connections to reset on their next bytes. */
    private final Set<Socket> forgotten = ConcurrentHashMap.newKeySet();
    private volatile int accepted;

    private ConnectionDroppingProxy(ServerSocket listener, InetSocketAddress upstream) {
        this.listener = listener;
        this.upstream = upstream;
    }

    static ConnectionDroppingProxy to(URI upstream) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ConnectionDroppingProxy proxy = new ConnectionDroppingProxy(listener,
                new InetSocketAddress(upstream.getHost(), upstream.getPort()));
        Thread acceptor = new Thread(proxy::acceptForever, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Connections accepted so far: a new one after {@link #dropAll()} means the client reconnected. */
    int accepted() {
        return accepted;
    }

    /** Closes both ends of every connection open through the relay, cleanly. */
    void dropAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Keeps every connection open to its client, and resets each one the client next sends on. */
    void forgetAll() {
        forgotten.addAll(open);
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                accepted++;
                pump(client, server, "proxy-up");
                pump(server, client, "proxy-down");
            } catch (IOException closedOrRefused) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (forgotten.remove(from)) {
                        from.setSoLinger(true, 0); // closing now sends a reset, not a clean end
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException endOfConnection) {
                // either side closed, or dropAll did
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dropAll();
    }
}

package dev.foldline.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ConnectionDroppingProxyTest {

    @Test
    void relaysBothWaysUntilDroppedThenAcceptsANewConnection() throws Exception {
        inFrontOfAnEchoServer(proxy -> {
            URI endpoint = proxy.endpoint();
            try (Socket first = new Socket(endpoint.getHost(), endpoint.getPort())) {
                assertThat(roundTrip(first, 'a')).isEqualTo('a');

                proxy.dropAll();

                assertThat(first.getInputStream().read()).isEqualTo(-1);
            }
            try (Socket second = new Socket(endpoint.getHost(), endpoint.getPort())) {
                assertThat(roundTrip(second, 'b')).isEqualTo('b');
            }
            assertThat(proxy.accepted()).isEqualTo(2);
        });
    }

    @Test
    void aForgottenConnectionLooksOpenUntilTheClientSendsThenIsReset() throws Exception {
        inFrontOfAnEchoServer(proxy -> {
            URI endpoint = proxy.endpoint();
            try (Socket first = new Socket(endpoint.getHost(), endpoint.getPort())) {
                assertThat(roundTrip(first, 'a')).isEqualTo('a');

                proxy.forgetAll();

                first.setSoTimeout(50);
                assertThatThrownBy(() -> first.getInputStream().read())
                        .as("nothing arrives, not even an end of stream").isInstanceOf(SocketTimeoutException.class);
                first.setSoTimeout(0);
                assertThatThrownBy(() -> roundTrip(first, 'b')).isInstanceOf(SocketException.class)
                        .hasMessageContaining("reset");
            }
            try (Socket second = new Socket(endpoint.getHost(), endpoint.getPort())) {
                assertThat(roundTrip(second, 'c')).isEqualTo('c');
            }
        });
    }

    private interface ProxyTest {
        void run(ConnectionDroppingProxy proxy) throws Exception;
    }

    private static void inFrontOfAnEchoServer(ProxyTest test) throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> echoForever(echo), "echo");
            server.setDaemon(true);
            server.start();
            try (ConnectionDroppingProxy proxy = ConnectionDroppingProxy.to(
                    URI.create("http://127.0.0.1:" + echo.getLocalPort()))) {
                test.run(proxy);
            }
        }
    }

    private static int roundTrip(Socket socket, char sent) throws IOException {
        socket.getOutputStream().write(sent);
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }

    private static void echoForever(ServerSocket echo) {
        while (!echo.isClosed()) {
            try {
                Socket connection = echo.accept();
                Thread relay = new Thread(() -> {
                    try (connection; InputStream in = connection.getInputStream();
                         OutputStream out = connection.getOutputStream()) {
                        for (int b = in.read(); b >= 0; b = in.read()) {
                            out.write(b);
                            out.flush();
                        }
                    } catch (IOException closed) {
                        // the proxy dropped it
                    }
                });
                relay.setDaemon(true);
                relay.start();
            } catch (IOException closed) {
                return;
            }
        }
    }
}

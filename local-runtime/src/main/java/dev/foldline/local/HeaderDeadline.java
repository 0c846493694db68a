package dev.foldline.local;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request headers are still arriving after the deadline. Jetty's idle
 * timeout only bounds the silence between two bytes, so without this a client sending a header
 * byte every few seconds (slowloris) would keep its connection for ever. Checked once per
 * deadline: headers that take longer than two deadlines are always cut, a normal client's never.
 */
final class HeaderDeadline implements Connection.Listener {

    private final Scheduler scheduler;
    private final Duration deadline;

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            new Watch(http).schedule();
        }
    }

    /** One connection's state at the last check. */
    private final class Watch implements Runnable {
        private final HttpConnection http;
        private boolean wasInHeaders;
        private long requestsSeen = -1;

        Watch(HttpConnection http) {
            this.http = http;
        }

        void schedule() {
            scheduler.schedule(this, deadline);
        }

        @Override
        public void run() {
            if (!http.getEndPoint().isOpen()) {
                return;
            }
            HttpParser parser = http.getParser(); // its state is volatile: safe to read from here
            boolean inHeaders = parser.inHeaderState() && !parser.isStart();
            long requests = http.getMessagesIn();
            if (inHeaders && wasInHeaders && requests == requestsSeen) {
                http.getEndPoint().close(new TimeoutException("request headers not complete within " + deadline));
                return;
            }
            wasInHeaders = inHeaders;
            requestsSeen = requests;
            schedule();
        }
    }
}

package dev.foldline.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without holding a thread while the client is slow: keeps up to a limit,
 * and reads past it (up to a cap) only to discard, so that the client of an oversized body reads
 * its 413 instead of a connection reset. A body still arriving after its deadline fails with a
 * {@link TimeoutException}: Jetty's idle timeout bounds only the silence between two bytes.
 */
final class BodyReader implements Runnable {

    /** How much of an oversized body is read and discarded before answering anyway. */
    private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private final Content.Source source;
    private final int limit;
    private final long deadline;
    private final Consumer<byte[]> onBody;
    private final Consumer<Throwable> onFailure;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long discarded;

    private BodyReader(Content.Source source, int limit, Duration timeout, Consumer<byte[]> onBody,
                       Consumer<Throwable> onFailure) {
        this.source = source;
        this.limit = limit;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.onBody = onBody;
        this.onFailure = onFailure;
    }

    /** Calls exactly one of {@code onBody} (at most {@code limit} bytes) or {@code onFailure}. */
    static void read(Content.Source source, int limit, Duration timeout, Consumer<byte[]> onBody,
                     Consumer<Throwable> onFailure) {
        new BodyReader(source, limit, timeout, onBody, onFailure).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this); // called again, on another thread, once bytes arrive
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                onFailure.accept(chunk.getFailure());
                return;
            }
            if (!chunk.isLast() && System.nanoTime() - deadline > 0) {
                chunk.release();
                onFailure.accept(new TimeoutException("the request body did not arrive in time"));
                return;
            }
            keep(chunk.getByteBuffer());
            boolean last = chunk.isLast();
            chunk.release();
            if (last || discarded > DISCARD_LIMIT) {
                onBody.accept(kept.toByteArray());
                return;
            }
        }
    }

    private void keep(ByteBuffer bytes) {
        int room = Math.min(bytes.remaining(), limit - kept.size());
        byte[] copy = new byte[room];
        bytes.get(copy);
        kept.write(copy, 0, room);
        discarded += bytes.remaining();
    }
}

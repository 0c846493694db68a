package dev.foldline.local;

import dev.foldline.errors.MalformedRequest;
import dev.foldline.errors.MethodNotAllowed;
import dev.foldline.errors.NotFound;
import dev.foldline.errors.TooLarge;
import dev.foldline.errors.UnsupportedMediaType;
import dev.foldline.http.HttpResponse;
import dev.foldline.http.Problems;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line or header it cannot parse, headers over the limit, a
 * path that is not valid percent-encoding, a client too slow...) as problem+json, like every other
 * error of the API, instead of its HTML page.
 */
final class ServerProblems extends ErrorHandler {

    private static final System.Logger LOG = System.getLogger(ServerProblems.class.getName());

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        // Jetty may close the connection after a request it refused; saying so keeps a client from
        // sending its next request on it and reading nothing.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Exchange.send(response, problem(status, (String) request.getAttribute(ERROR_MESSAGE),
                (Throwable) request.getAttribute(ERROR_EXCEPTION)), callback);
        return true;
    }

    static HttpResponse problem(int status, String message, Throwable cause) {
        String title = HttpStatus.getMessage(status);
        String detail = message == null || message.isBlank() ? title : message;
        return switch (status) {
            case HttpStatus.BAD_REQUEST_400 -> Problems.of(new MalformedRequest(detail));
            // Jetty says 505 for any request line whose version it cannot read ("HTTP/1H1", two
            // tokens taken as HTTP/0.9): a malformed request, not a failure of the server.
            case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> Problems.of(new MalformedRequest(
                    detail + ": this server speaks HTTP/1.0 and HTTP/1.1"));
            case HttpStatus.NOT_FOUND_404 -> Problems.of(new NotFound(detail));
            case HttpStatus.METHOD_NOT_ALLOWED_405 -> Problems.of(new MethodNotAllowed(detail));
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> Problems.of(new TooLarge(detail));
            case HttpStatus.UNSUPPORTED_MEDIA_TYPE_415 -> Problems.of(new UnsupportedMediaType(detail));
            case HttpStatus.SERVICE_UNAVAILABLE_503 -> Problems.unavailable(detail);
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> internal(cause, detail);
            default -> Problems.ofStatus(status, title, detail);
        };
    }

    private static HttpResponse internal(Throwable cause, String detail) {
        String incident = UUID.randomUUID().toString();
        if (cause instanceof IOException) {
            // The connection failed under the request (the client left): nobody reads this answer.
            LOG.log(Level.DEBUG, "incident " + incident + ": the connection failed: " + cause);
        } else {
            LOG.log(Level.ERROR, "incident " + incident + ": " + detail, cause);
        }
        return Problems.internal(incident);
    }
}

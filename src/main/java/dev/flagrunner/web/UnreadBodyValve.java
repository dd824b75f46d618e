package dev.flagrunner.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after a response whose request body nobody read, instead of letting Tomcat swallow that
 * body before the next request. Tomcat reads it to its end after the response with only its per-read timeout,
 * outside the body deadline ({@link DeadlineNioProtocol} bounds a body while the request is served): 220
 * requests without a token that declared 60,000 bytes and sent 8 every 5 s held every worker after their 401.
 * The response goes out whole, with {@code Connection: close}; honest requests read their body and keep their
 * connection. An engine valve, so it sees the host's error report too.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        // An asynchronous request may still read its body; it ends elsewhere.
        if (request.isAsync() || !DeadlineNioProtocol.bodyUnread(request.getCoyoteRequest())) {
            return;
        }
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
        // Tomcat's own way for an aborted upload: no swallowing, the response finished cleanly, then the close.
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }
}

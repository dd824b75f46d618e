package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /mathserver/listeners}: where the embedded server's listeners are. They take free ports at
 * each start, so a client outside the service (the {@code client} command, another program) asks here:
 * {@code GET /mathserver/listeners/status/tls/port} answers just the number, for a shell.
 */
@RestController
class ListenersController {

    /** One listener: a dialect over plain TCP or TLS, on loopback. */
    record Listener(String dialect, String transport, String host, int port) {}

    private final EmbeddedMathServer embedded;

    ListenersController(EmbeddedMathServer embedded) {
        this.embedded = embedded;
    }

    @Operation(summary = "The embedded server's listeners: dialect, transport (plain or tls), host and port")
    @GetMapping("/mathserver/listeners")
    List<Listener> listeners() {
        return embedded.listeners().stream()
                .map(s -> new Listener(s.options().dialect().name(), s.options().transport(), s.host(), s.port()))
                .toList();
    }

    @Operation(summary = "The port of one listener, as text: e.g. /mathserver/listeners/status/tls/port")
    @ApiResponse(
            responseCode = "200",
            description = "the port number",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string", example = "41377")))
    @ApiResponse(
            responseCode = "404",
            description = "/problems/no-listener: the embedded server has no such listener"
                    + " (an unknown dialect or transport, or one not enabled)")
    @GetMapping("/mathserver/listeners/{dialect}/{transport}/port")
    ResponseEntity<String> port(
            @Parameter(description = "a dialect of the embedded server", example = "status") @PathVariable
                    String dialect,
            @Parameter(description = "plain or tls", example = "plain") @PathVariable String transport) {
        return Dialects.byName(dialect)
                .filter(d -> transport.equals("plain") || transport.equals("tls"))
                .flatMap(d -> embedded.listener(d, transport.equals("tls")))
                .map(s -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(s.port())))
                .orElseThrow(() -> ProblemType.NO_LISTENER.exception("the embedded server has no such listener: the"
                        + " path is /mathserver/listeners/{dialect}/{plain|tls}/port with an enabled dialect ("
                        + Dialects.names() + "; flagrunner.embedded-server.dialects and .tls)"));
    }
}

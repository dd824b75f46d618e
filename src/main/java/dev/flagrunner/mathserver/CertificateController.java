package dev.flagrunner.mathserver;

import dev.flagrunner.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /mathserver/certificate}: the PEM certificate of the embedded server's TLS listeners, so a
 * client elsewhere can pin it ({@code client -s --trust server.pem}).
 */
@RestController
class CertificateController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final EmbeddedMathServer embedded;

    CertificateController(EmbeddedMathServer embedded) {
        this.embedded = embedded;
    }

    @Operation(summary = "The PEM certificate of the embedded server's TLS listeners, to pin")
    @ApiResponse(
            responseCode = "200",
            description = "the certificate",
            content = @Content(mediaType = "application/x-pem-file", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "404",
            description = "/problems/no-certificate: the embedded server has no TLS"
                    + " listener (flagrunner.embedded-server.tls is false)")
    @GetMapping("/mathserver/certificate")
    ResponseEntity<String> certificate() {
        return embedded.tlsCertificate()
                .map(c -> ResponseEntity.ok().contentType(PEM).body(c.certificatePem()))
                .orElseThrow(() -> ProblemType.NO_CERTIFICATE.exception(
                        "the embedded server has no TLS listener (flagrunner.embedded-server.tls is false)"));
    }
}

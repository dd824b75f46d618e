package dev.flagrunner.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}, public: a redirect to Swagger UI, which says how to authorize, rather than a 401 to someone who
 * opens {@code http://localhost:8080/} in a browser. Not part of the API, so not in the OpenAPI document.
 */
@Hidden
@RestController
class RootRedirect {

    static final String UI = "/swagger-ui.html";

    @GetMapping("/")
    ResponseEntity<Void> root() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(UI)).build();
    }
}

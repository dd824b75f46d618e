package dev.flagrunner.flag;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /flags} and {@code GET /flags/{studentId}}: captured flags, newest first, as JSON only. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class FlagController {

    private final FlagStore store;

    FlagController(FlagStore store) {
        this.store = store;
    }

    @GetMapping("/flags")
    List<CapturedFlag> list(@RequestParam(required = false) String studentId) {
        return store.list(studentId);
    }

    @GetMapping("/flags/{studentId}")
    List<CapturedFlag> ofStudent(@PathVariable String studentId) {
        return store.list(studentId);
    }
}

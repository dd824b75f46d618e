package dev.flagrunner.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of the service started on a random port (the subclass's {@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)}): {@link #http} talks to it before each test.
 */
public abstract class RandomPortTest {

    @LocalServerPort
    protected int port;

    protected Http http;

    @BeforeEach
    void connectHttp() {
        http = new Http(port);
    }
}

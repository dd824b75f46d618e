package dev.flagrunner.net;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** After each test, every read-timeout guard its sessions opened is closed again: nothing is left behind. */
public final class NoGuardLeftBehind implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoGuardLeftBehind.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("guarded", ReadTimeouts.shared().guarded());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        int before = context.getStore(NAMESPACE).get("guarded", Integer.class);
        await("the sessions' read-timeout guards are closed")
                .atMost(Duration.ofSeconds(5))
                .until(() -> ReadTimeouts.shared().guarded() == before);
    }
}

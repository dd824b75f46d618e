package dev.flagrunner.session;

import dev.flagrunner.flag.FlagStore;
import dev.flagrunner.mathserver.EmbeddedMathServer;
import org.springframework.context.annotation.Import;

/**
 * The real beans behind {@link SessionController} in a slice: the session service, the target resolver and
 * the embedded server it resolves to, the flag store a captured flag goes to. Only imported, never a component.
 */
@Import({
    SessionConfiguration.class,
    TargetResolver.class,
    SocketOpeners.class,
    SessionMetrics.class,
    FlagStore.class,
    EmbeddedMathServer.class
})
class SessionBeans {}

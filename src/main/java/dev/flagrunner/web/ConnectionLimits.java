package dev.flagrunner.web;

import dev.flagrunner.config.FlagrunnerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Gives the connector the whole-head and whole-body deadlines of {@code flagrunner.web} ({@link DeadlineNioProtocol}).
 * A body's first read is bounded by the body deadline too (Tomcat's upload timeout), so the deadline holds from the
 * first byte; a body nobody read is not swallowed after the response but ends the connection ({@link
 * UnreadBodyValve}). The connection cap, keep-alive and per-read timeouts are Boot's {@code server.tomcat.*} keys.
 */
@Component
class ConnectionLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final FlagrunnerProperties.Web web;

    ConnectionLimits(FlagrunnerProperties properties) {
        this.web = properties.web();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(DeadlineNioProtocol.class.getName());
        factory.addEngineValves(new UnreadBodyValve());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof DeadlineNioProtocol protocol) {
                protocol.setHeadDeadlineMillis(web.headDeadline().toMillis());
                protocol.setBodyDeadlineMillis(web.bodyDeadline().toMillis());
                protocol.setDisableUploadTimeout(false);
                protocol.setConnectionUploadTimeout((int) web.bodyDeadline().toMillis());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

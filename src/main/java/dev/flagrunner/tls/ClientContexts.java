package dev.flagrunner.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One client {@link SSLContext} per trust mode, built on first use and kept for the life of the
 * process (trust modes come from configuration, so there are few). A context also caches TLS
 * sessions, so connections to the same target can resume.
 */
final class ClientContexts {

    private static final Map<TrustMode, SSLContext> CONTEXTS = new ConcurrentHashMap<>();

    private ClientContexts() {}

    static SSLContext forMode(TrustMode mode) {
        return CONTEXTS.computeIfAbsent(mode, ClientContexts::build);
    }

    private static SSLContext build(TrustMode mode) {
        TrustManager[] managers;
        if (mode instanceof TrustMode.Certificates certificates) {
            managers = new TrustManager[] {certificateManager(certificates)};
        } else if (mode instanceof TrustMode.Insecure) {
            managers = new TrustManager[] {new TrustAllTrustManager()};
        } else {
            managers = null; // the JDK default: cacerts, PKIX, hostname checked per socket
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context for trust " + mode.describe(), e);
        }
    }

    private static X509ExtendedTrustManager certificateManager(TrustMode.Certificates mode) {
        List<X509Certificate> certificates = mode.certificates();
        if (certificates.size() > 1) {
            return pkix(certificates, mode.source());
        }
        X509Certificate only = certificates.get(0);
        return new PinTrustManager(
                only, mode.source(), TrustMode.Certificates.isCa(only) ? pkix(certificates, mode.source()) : null);
    }

    /** The JDK's PKIX trust manager over the given anchors; checks the hostname itself. */
    private static X509ExtendedTrustManager pkix(List<X509Certificate> anchors, String source) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("the JDK offers no X509ExtendedTrustManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsConfigurationException(
                    "cannot use the certificates of " + source + " as trust anchors: " + e.getMessage(), e);
        }
    }
}

package dev.flagrunner.tls;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server that presents exactly the pinned certificate, compared by its DER encoding; neither
 * the name nor the validity dates are checked (an old course server's pinned certificate may have
 * expired; the handshake still proves the server holds its key). When the pin is a CA, any other chain
 * goes to {@code caFallback}, the JDK's PKIX trust manager, which checks the path and the hostname.
 * Being an {@link X509ExtendedTrustManager}, it is not wrapped by the JDK's own hostname check.
 */
final class PinTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate pin;
    private final byte[] pinEncoded;
    private final String source;
    private final X509ExtendedTrustManager caFallback;

    PinTrustManager(X509Certificate pin, String source, X509ExtendedTrustManager caFallback) {
        this.pin = pin;
        this.pinEncoded = encoded(pin);
        this.source = source;
        this.caFallback = caFallback;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!isPin(chain)) {
            fallback(chain).checkServerTrusted(chain, authType, socket);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (!isPin(chain)) {
            fallback(chain).checkServerTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!isPin(chain)) {
            fallback(chain).checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw clientsNotTrusted();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw clientsNotTrusted();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw clientsNotTrusted();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {pin};
    }

    private boolean isPin(X509Certificate[] chain) throws CertificateException {
        return chain != null && chain.length > 0 && Arrays.equals(encoded(chain[0]), pinEncoded);
    }

    private X509ExtendedTrustManager fallback(X509Certificate[] chain) throws CertificateException {
        if (caFallback != null) {
            return caFallback;
        }
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        throw new CertificateException("the server's certificate ("
                + chain[0].getSubjectX500Principal().getName()
                + ", SHA-256 " + Fingerprints.sha256(chain[0]) + ") is not the certificate pinned in " + source
                + " (SHA-256 " + Fingerprints.sha256(pin) + ")");
    }

    private static CertificateException clientsNotTrusted() {
        return new CertificateException("a client trust manager does not check client certificates");
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }
}

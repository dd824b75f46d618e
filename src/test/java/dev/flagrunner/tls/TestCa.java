package dev.flagrunner.tls;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** A throwaway certificate authority that issues server certificates for tests. */
record TestCa(KeyPair keys, X509Certificate certificate) {

    static TestCa create(String name) {
        KeyPair keys = CertificateIssuer.ecKeyPair();
        return new TestCa(keys, TestCertificates.selfSignedCa(keys, name, List.of(), Duration.ofDays(30)));
    }

    /** A server key and a leaf for these names issued by this CA; the chain sent is leaf then CA. */
    ServerCertificate issue(String... names) {
        KeyPair leafKeys = CertificateIssuer.ecKeyPair();
        X509Certificate leaf = TestCertificates.issueLeaf(
                certificate, keys.getPrivate(), leafKeys.getPublic(), names[0], List.of(names), Duration.ofDays(30));
        return ServerCertificate.of(leafKeys.getPrivate(), List.of(leaf, certificate));
    }
}

package dev.flagrunner.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM text (RFC 7468) with Bouncy Castle's {@link PEMParser} and {@link JcaPEMWriter}.
 *
 * <p>Certificates: {@code BEGIN CERTIFICATE} (and OpenSSL's {@code BEGIN TRUSTED CERTIFICATE}); other
 * blocks in the same text, such as a private key, are skipped. Private keys: PKCS#8
 * {@code BEGIN PRIVATE KEY} and the traditional OpenSSL {@code BEGIN EC PRIVATE KEY} /
 * {@code BEGIN RSA PRIVATE KEY}; encrypted keys are refused with a hint to decrypt them. Keys are always
 * written as PKCS#8 ({@link JcaPEMWriter} alone would write the traditional form).
 *
 * <p>Files are read whole, at most {@link #MAX_FILE_BYTES}, as UTF-8 (PEM itself is ASCII; CA bundles
 * carry non-ASCII names in comment lines, which are skipped). Every error is a
 * {@link TlsConfigurationException} naming the file.
 */
public final class Pem {

    /** The largest PEM file read: Mozilla's whole CA bundle is about 0.25 MiB. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private Pem() {}

    /** The certificates as consecutive {@code BEGIN CERTIFICATE} blocks, in order. */
    public static String encode(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    public static String encode(X509Certificate certificate) {
        return write(certificate);
    }

    /** Every certificate in the file, in file order; at least one. */
    public static List<X509Certificate> readCertificates(Path file) {
        return parseCertificates(read(file), file.toString());
    }

    /**
     * Every certificate in the text, in order; at least one.
     *
     * @param source what the text is, for error messages (a path, "the pasted certificate")
     */
    public static List<X509Certificate> parseCertificates(String pemText, String source) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(pemText, source)) {
            X509CertificateHolder holder = object instanceof X509TrustedCertificateBlock trusted
                    ? trusted.getCertificateHolder()
                    : object instanceof X509CertificateHolder plain ? plain : null;
            if (holder == null) {
                continue;
            }
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                throw new TlsConfigurationException(
                        source + ": certificate " + (certificates.size() + 1) + " cannot be decoded: " + e.getMessage(),
                        e);
            }
        }
        if (certificates.isEmpty()) {
            throw new TlsConfigurationException(
                    source + " contains no PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block)");
        }
        return List.copyOf(certificates);
    }

    /** The one private key in the file. */
    public static PrivateKey readPrivateKey(Path file) {
        return parsePrivateKey(read(file), file.toString());
    }

    /** The one private key in the text (PKCS#8 or traditional EC/RSA, unencrypted). */
    public static PrivateKey parsePrivateKey(String pemText, String source) {
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : objects(pemText, source)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (object instanceof PEMKeyPair pair) {
                    // Not converter.getKeyPair(pair): a traditional EC key may omit its public key, and then
                    // Bouncy Castle fails with a NullPointerException.
                    keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new TlsConfigurationException(source + " holds an encrypted private key, which is not"
                            + " supported: decrypt it first (openssl pkey -in ENCRYPTED.pem -out key.pem)");
                }
            } catch (org.bouncycastle.openssl.PEMException e) {
                throw new TlsConfigurationException(
                        source + ": the private key cannot be decoded: " + e.getMessage(), e);
            }
        }
        if (keys.size() != 1) {
            throw new TlsConfigurationException(source
                    + (keys.isEmpty()
                            ? " contains no PEM private key (expected '-----BEGIN PRIVATE KEY-----',"
                                    + " '-----BEGIN EC PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----')"
                            : " contains " + keys.size() + " private keys; expected exactly one"));
        }
        return keys.get(0);
    }

    private static String read(Path file) {
        if (!Files.exists(file)) {
            throw new TlsConfigurationException("PEM file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new TlsConfigurationException("PEM file " + file + " is not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new TlsConfigurationException("PEM file " + file + " is " + size
                        + " bytes, more than the allowed maximum (" + MAX_FILE_BYTES + ")");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TlsConfigurationException("cannot read PEM file " + file + ": " + e, e);
        }
    }

    private static List<Object> objects(String pemText, String source) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports bad base64 as an unchecked DecoderException, bad DER as either kind.
            throw new TlsConfigurationException(source + " is not valid PEM: " + e.getMessage(), e);
        }
        return objects;
    }

    static String write(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail; an unencodable object does
        }
        return text.toString();
    }
}

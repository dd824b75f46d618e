package dev.flagrunner.mathserver;

import dev.flagrunner.store.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * The embedded server's HMAC secret kept in the data directory ({@value #NAME}, owner-only 0600), so a student
 * gets the same flag after a restart: generated once (random, 64 hex digits), read at every later start. Its text
 * is the secret, as {@code flagrunner.embedded-server.secret} would be, so an operator can move it into the
 * configuration. A file that is not a regular file, or not 64 hex digits, fails the start naming its path.
 */
public final class SecretFile {

    public static final String NAME = "embedded-server.secret";
    private static final int HEX_DIGITS = 64;

    private SecretFile() {}

    /** The secret in {@code directory}, generated and written there first when it has none. */
    public static byte[] in(Path directory) {
        Path file = directory.resolve(NAME);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                OwnerOnly.directory(directory);
                String secret = HexFormat.of().formatHex(FlagMinter.randomSecret());
                Path fresh = Files.createTempFile(directory, NAME, ".new");
                OwnerOnly.file(fresh);
                Files.writeString(fresh, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
                // Whole or not at all: a kill mid-write leaves a temporary file, never a short secret.
                Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > HEX_DIGITS + 2) {
                throw new IllegalStateException(file + " (the embedded server's secret) is not a file of " + HEX_DIGITS
                        + " hex digits: delete it for a new secret (flags change) or restore it");
            }
            OwnerOnly.file(file);
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.length() != HEX_DIGITS || !secret.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalStateException(file + " (the embedded server's secret) is not " + HEX_DIGITS
                        + " hex digits: delete it for a new secret (flags change) or restore it");
            }
            return secret.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the embedded server's secret " + file + " cannot be kept: " + e.getMessage(), e);
        }
    }
}

package dev.flagrunner.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generated token's file ({@code flagrunner.security.token-file}): 64 hex digits (256 random bits) and a
 * line feed, created with mode 0600 at the first start and reused on later ones. A file that others may read,
 * or that holds something else, fails the start rather than being trusted or overwritten; so does anything but a
 * regular file of at most {@value #MAX_BYTES} bytes (a FIFO at the path hung the start).
 */
record TokenFile(Path path, String token, boolean created) {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final String KEY = "flagrunner.security.token-file";
    /** A token and its line feed are 65 bytes; room for CR LF and stray blanks, never a file's worth. */
    static final int MAX_BYTES = 1024;

    @Override
    public String toString() {
        return "TokenFile[path=" + path + "]"; // never the token
    }

    static TokenFile createOrReuse(Path configured) {
        Path path = configured.toAbsolutePath().normalize();
        try {
            if (Files.exists(path)) {
                return new TokenFile(path, read(path), false);
            }
            Files.createDirectories(path.getParent());
            String token = HexFormat.of().formatHex(randomBytes());
            try {
                // Created with its final mode: there is no moment in which the file is readable by others.
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            } catch (FileAlreadyExistsException raced) {
                return new TokenFile(path, read(path), false);
            }
            Files.writeString(path, token + "\n", StandardCharsets.US_ASCII);
            return new TokenFile(path, token, true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    KEY + " " + path + ": cannot create or read the token file: " + e.getMessage(), e);
        }
    }

    /** At most {@link #MAX_BYTES} of the file, whatever it has grown to since its size was looked at. */
    private static String readBounded(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException(KEY + " " + path + " holds more than the " + MAX_BYTES
                        + " bytes a token file ever holds: delete it for a new token, or point " + KEY
                        + " elsewhere");
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return "a FIFO, socket or device";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String read(Path path) throws IOException {
        // Before anything opens it: opening a FIFO for reading waits for a writer (the start hung for ever),
        // and a device or a huge file has no end worth reading.
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IllegalStateException(KEY + " " + path + " is not a regular file (" + kind(attributes)
                    + "): delete it for a new token, or point " + KEY + " elsewhere");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IllegalStateException(KEY + " " + path + " holds " + attributes.size()
                    + " bytes, more than the " + MAX_BYTES + " a token file ever holds: delete it for a new token,"
                    + " or point " + KEY + " elsewhere");
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(mode)) {
                throw new IllegalStateException(KEY + " " + path + " may be read or written by others (mode "
                        + PosixFilePermissions.toString(mode) + "): chmod 600 it, or delete it for a new token");
            }
        } catch (UnsupportedOperationException notPosix) {
            // No POSIX modes on this file system: nothing to check.
        }
        // A 0600 file that someone else owns (planted in a directory others may write to) is theirs to read.
        UserPrincipal owner = Files.getOwner(path);
        UserPrincipal self;
        try {
            self = path.getFileSystem()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (UserPrincipalNotFoundException | UnsupportedOperationException unknownUser) {
            self = owner; // a user without a name here (a bare container uid): the mode check stands alone
        }
        if (!owner.equals(self)) {
            throw new IllegalStateException(KEY + " " + path + " belongs to " + owner.getName() + ", not to "
                    + self.getName() + " who runs the service: delete it for a new token, or point " + KEY
                    + " elsewhere");
        }
        String text = readBounded(path).strip();
        if (!TOKEN.matcher(text).matches()) {
            throw new IllegalStateException(KEY + " " + path + " does not hold a generated token (64 hex digits):"
                    + " delete it for a new one, or point " + KEY + " elsewhere");
        }
        return text;
    }
}

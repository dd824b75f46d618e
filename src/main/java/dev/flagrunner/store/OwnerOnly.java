package dev.flagrunner.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Directories and files that only their owner may read: the data directory (0700) and what holds flags or secrets
 * in it (0600). Created with those modes from the start, never opened wider and narrowed after; an existing one is
 * narrowed to them. On a file system without POSIX modes nothing is changed.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    public static final Set<PosixFilePermission> FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OwnerOnly() {}

    /** The directory and any missing parent, the last one 0700 (existing parents are left as they are). */
    public static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir, modes(dir, DIRECTORY));
        }
        narrow(dir, DIRECTORY);
    }

    /** The file, created empty (0600) when missing; an existing one is narrowed to 0600. */
    public static void file(Path file) throws IOException {
        try {
            Files.createFile(file, modes(file, FILE));
        } catch (FileAlreadyExistsException e) {
            // kept as it is, only its mode narrowed
        }
        narrow(file, FILE);
    }

    private static FileAttribute<?>[] modes(Path path, Set<PosixFilePermission> modes) {
        return posix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(modes)}
                : new FileAttribute<?>[0];
    }

    private static void narrow(Path path, Set<PosixFilePermission> modes) throws IOException {
        if (posix(path) && !Files.getPosixFilePermissions(path).equals(modes)) {
            Files.setPosixFilePermissions(path, modes);
        }
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}

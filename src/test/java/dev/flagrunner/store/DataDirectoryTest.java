package dev.flagrunner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.mathserver.SecretFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and what it holds are owner-only; a path that cannot hold them fails naming the key. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDirectoryIsCreatedOwnerOnlyWithTheDatabaseFileInIt() throws Exception {
        DataDirectory data = DataDirectory.prepare(dir.resolve("a/b/flagrunner-data"));
        assertThat(mode(data.path())).isEqualTo("rwx------");
        assertThat(mode(data.database())).isEqualTo("rw-------");
        try (var files = Files.list(data.path())) {
            assertThat(files).containsExactly(data.database()); // the probe is gone
        }
    }

    @Test
    void anExistingDirectoryOrFileOpenToOthersIsNarrowed() throws Exception {
        Path existing = Files.createDirectory(dir.resolve("wide"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.createFile(existing.resolve(DataDirectory.DATABASE));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.prepare(existing);

        assertThat(mode(existing)).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rw-------");
    }

    @Test
    void aFileInTheWayFailsNamingTheKeyAndThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> DataDirectory.prepare(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("flagrunner.store.path " + file + " cannot hold the flag store: ")
                .hasMessageContaining("not a directory");
        Path below = file.resolve("data");
        assertThatThrownBy(() -> DataDirectory.prepare(below))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("flagrunner.store.path " + below + " cannot hold the flag store: ");
    }

    @Test
    void theSecretIsGeneratedOnceOwnerOnlyAndReadAgain() throws Exception {
        Path data = dir.resolve("data");
        byte[] first = SecretFile.in(data);
        Path file = data.resolve(SecretFile.NAME);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(new String(first, java.nio.charset.StandardCharsets.US_ASCII))
                .matches("[0-9a-f]{64}");
        assertThat(SecretFile.in(data)).isEqualTo(first);

        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> SecretFile.in(data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("short");
    }
}

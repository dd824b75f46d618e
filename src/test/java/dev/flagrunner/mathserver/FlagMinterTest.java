package dev.flagrunner.mathserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlagMinterTest {

    @Test
    void aRandomSecretIs256BitsAndNewEachTime() {
        byte[] one = FlagMinter.randomSecret();
        byte[] other = FlagMinter.randomSecret();

        assertThat(one).hasSize(32);
        assertThat(other).hasSize(32).isNotEqualTo(one);
        assertThat(new FlagMinter(one).flag(false, "cs230", "1"))
                .isNotEqualTo(new FlagMinter(other).flag(false, "cs230", "1"));
    }

    @Test
    void theSameSecretMintsTheSameFlagAndTheTransportChangesIt() {
        FlagMinter minter = new FlagMinter("s3cret".getBytes(StandardCharsets.UTF_8));

        assertThat(minter.flag(false, "cs230", "1"))
                .matches("[0-9a-f]{64}")
                .isEqualTo(new FlagMinter("s3cret".getBytes(StandardCharsets.UTF_8)).flag(false, "cs230", "1"))
                .isNotEqualTo(minter.flag(true, "cs230", "1"));
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new FlagMinter(new byte[0])).hasMessage("the flag secret must not be empty");
    }
}

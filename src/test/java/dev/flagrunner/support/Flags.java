package dev.flagrunner.support;

import dev.flagrunner.mathserver.FlagMinter;
import java.nio.charset.StandardCharsets;

/** Flag minters for tests, by the text of their secret: a test and its server that share a secret share flags. */
public final class Flags {

    /** The minter of the servers that {@link MathServers} starts. */
    public static final FlagMinter TEST_MINTER = minter("k");

    private Flags() {}

    /** The minter whose secret is this text in UTF-8, as {@code --secret} and the embedded server's secret are. */
    public static FlagMinter minter(String secret) {
        return new FlagMinter(secret.getBytes(StandardCharsets.UTF_8));
    }
}

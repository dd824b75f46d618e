package dev.flagrunner.protocol;

import dev.flagrunner.expression.Arithmetic;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * One dialect of the math server protocol family (docs/protocol.md §1): everything the client and the
 * reference server need to speak it. The instances live in {@link Dialects}, the one table of them.
 *
 * @param name              the name used in configuration, REST and the CLI
 * @param defaultClassId    the class string ({@code <cls>}) of the term this dialect is modelled on
 * @param helloKeyword      {@code HELLO}, or {@code INTR} for EECE
 * @param questionKeyword   the keyword of a server question ({@code STATUS}, {@code FIND}, {@code EVAL}, {@code EXPR})
 * @param answerKeyword     the keyword of the client's answer, empty where the answer has none
 * @param divisionByZeroAnswer the whole answer message body for a division by zero, where the dialect has one
 * @param arithmetic        how question payloads are evaluated
 * @param end               how the server hands out the flag
 * @param failureKeyword    the server's explicit failure message keyword, where it has one ({@code FAIL})
 * @param framing           how messages are delimited
 * @param charset           the text encoding of messages
 * @param maxMessageLength  the longest message accepted, in bytes, without its line feed
 * @param plainPort         the default plain port, 0 where the dialect had none
 * @param tlsPort           the default TLS port, 0 where the dialect had none
 */
public record Dialect(
        String name,
        String defaultClassId,
        String helloKeyword,
        String questionKeyword,
        String answerKeyword,
        Optional<String> divisionByZeroAnswer,
        Arithmetic arithmetic,
        EndForm end,
        Optional<String> failureKeyword,
        Framing framing,
        Charset charset,
        int maxMessageLength,
        int plainPort,
        int tlsPort) {

    /**
     * What a class string looks like: letters, then a digit, then letters and digits ({@code cs5700fall2020},
     * {@code cs3700spring2016}, {@code EECE7374}, {@code cs230}: course and number, then term and year). It is
     * the first word the client sends, so a caller who may choose it must not be able to make it a command of
     * another service: no space, no control character, and no word without a digit ({@code SET}, {@code DEL},
     * {@code QUIT}, {@code GET}).
     */
    public static final String CLASS_STRING_PATTERN = "[A-Za-z]+[0-9][A-Za-z0-9]*";

    /** How the last message carries the flag. */
    public enum EndForm {
        /** {@code <cls> <flag> BYE} or {@code <cls> BYE <flag>}: both orders are accepted. */
        BYE("BYE"),
        /** {@code <cls> SUCC <flag>} (EECE7374). */
        SUCC("SUCC");

        private final String keyword;

        EndForm(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword next to the flag in the end message. */
        public String keyword() {
            return keyword;
        }
    }

    /** The default port for this dialect over plain TCP or TLS; 0 when the dialect has none. */
    public int defaultPort(boolean tls) {
        return tls ? tlsPort : plainPort;
    }

    /** The one text for a missing default port, before the caller's hint: {@code dialect cs230 has no default TLS port}. */
    public String noDefaultPort(boolean tls) {
        return "dialect " + name + " has no default " + (tls ? "TLS" : "plain") + " port";
    }

    /**
     * The dialect's name. Written out because picocli formats every option value with {@code String.valueOf}
     * for its trace even when tracing is off, and a record's generated {@code toString} of 14 components is
     * bootstrapped through {@code ObjectMethods} on first use: about 85 ms of method handles spun on the
     * {@code client}'s start in a logged run, more than its 600-question session (docs/startup.md).
     */
    @Override
    public String toString() {
        return name;
    }

    /** The text that ends a message on the wire: a line feed, or nothing. */
    public String terminator() {
        return framing == Framing.LINE_FEED ? "\n" : "";
    }
}

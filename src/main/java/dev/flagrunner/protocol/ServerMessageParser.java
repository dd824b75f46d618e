package dev.flagrunner.protocol;

import dev.flagrunner.protocol.Dialect.EndForm;
import dev.flagrunner.text.Quoter;

/**
 * Parses server messages strictly by fields, never by searching for words (a FIND string may contain
 * {@code BYE}). Grammar (single spaces between fields, docs/protocol.md §2–§3):
 * <pre>
 *   question = cls SP questionKeyword SP payload
 *   bye      = cls SP flag SP "BYE" / cls SP "BYE" SP flag       (EndForm.BYE: both orders)
 *   succ     = cls SP "SUCC" SP flag                             (EndForm.SUCC)
 *   fail     = cls SP failureKeyword *anything                   (where the dialect has one)
 *   flag     = 64 word characters [A-Za-z0-9_], or "Unknown_Husky_ID" / "Unknown_VT_Username"
 * </pre>
 * Errors are {@link SessionFailure}s with reason {@code MALFORMED_MESSAGE}, naming the message number.
 * A line is quoted only once it is recognised as the dialect's (its first field is the session's class
 * string) and may not carry a flag (an end keyword or a flag-like token, {@link Quoter#unlessFlagLike}):
 * a line that may is described by its field lengths, a bad flag by its length only, and a line that is not
 * the dialect's by its length and character classes ({@link Quoter#describe}): the peer may be another
 * service, whose banner or reply must not reach the caller.
 */
public final class ServerMessageParser {

    public static final int FLAG_LENGTH = 64;

    private final Dialect dialect;
    private final String classId;
    private final String questionPrefix;
    /** The start of every line of the dialect: the class string and a space. */
    private final String classPrefix;

    public ServerMessageParser(Dialect dialect, String classId) {
        this.dialect = dialect;
        this.classId = classId;
        this.classPrefix = classId + " ";
        this.questionPrefix = classPrefix + dialect.questionKeyword() + " ";
    }

    /**
     * @param line          the message without its terminator
     * @param messageNumber the 1-based number of this server message in the session, for error details
     */
    public ServerMessage parse(String line, int messageNumber) throws SessionFailure {
        if (line.startsWith(questionPrefix)) {
            String payload = line.substring(questionPrefix.length());
            if (payload.isBlank()) {
                throw malformed("question without an expression", line, messageNumber);
            }
            return new ServerMessage.Question(payload);
        }
        if (dialect.failureKeyword().isPresent()) {
            String failPrefix = classId + " " + dialect.failureKeyword().get();
            // EECE's sample server can send FAIL and SUCC in one read: the FAIL is the outcome.
            if (line.startsWith(failPrefix)) {
                return new ServerMessage.Rejected(line);
            }
        }
        if (looksLikeTls(line)) {
            throw malformed(
                    "a TLS record, not a message: this port speaks TLS (connect with TLS)", line, messageNumber);
        }
        int firstSpace = line.indexOf(' ');
        String cls = firstSpace < 0 ? line : line.substring(0, firstSpace);
        if (!cls.equals(classId)) {
            throw malformed("wrong class string (expected '" + classId + "')", line, messageNumber);
        }
        String[] fields = line.split(" ", -1);
        if (fields.length == 3) {
            String flag = endFlag(fields[1], fields[2]);
            if (flag != null) {
                return flagMessage(flag, line, messageNumber);
            }
        }
        String keyword = fields.length > 1 ? fields[1] : "";
        if (keyword.equals(dialect.questionKeyword())) {
            throw malformed("malformed " + keyword + " message", line, messageNumber);
        }
        if (hasEndKeyword(fields)) {
            throw malformed("end message with " + fields.length + " fields (expected 3)", line, messageNumber);
        }
        throw malformed("unknown message keyword", line, messageNumber);
    }

    /** Whether a field after the class string is the end keyword: an end message of the wrong shape. */
    private boolean hasEndKeyword(String[] fields) {
        String end = dialect.end().keyword();
        for (int i = 1; i < fields.length; i++) {
            if (fields[i].equals(end)) {
                return true;
            }
        }
        return false;
    }

    /** The flag field of an end message, or null when these two fields are not one. */
    private String endFlag(String second, String third) {
        if (dialect.end() == EndForm.SUCC) {
            return second.equals("SUCC") ? third : null;
        }
        if (second.equals("BYE")) {
            return third;
        }
        return third.equals("BYE") ? second : null;
    }

    private ServerMessage flagMessage(String flag, String line, int messageNumber) throws SessionFailure {
        if (flag.startsWith("Unknown_")) {
            return new ServerMessage.UnknownStudent(flag);
        }
        if (flag.length() != FLAG_LENGTH || !isWordText(flag)) {
            // Never quote the line: it would carry (most of) a flag into logs and problem details.
            throw new SessionFailure(
                    FailureReason.MALFORMED_MESSAGE,
                    "malformed flag in message " + messageNumber
                            + ": " + flag.length() + " characters"
                            + (isWordText(flag) ? "" : " with characters outside [A-Za-z0-9_]")
                            + ", expected " + FLAG_LENGTH + " word characters");
        }
        return new ServerMessage.Flag(flag);
    }

    /** A TLS alert (0x15) or handshake (0x16) record header with major version 3. */
    private static boolean looksLikeTls(String line) {
        return line.length() >= 2 && (line.charAt(0) == 0x15 || line.charAt(0) == 0x16) && line.charAt(1) == 0x03;
    }

    private static boolean isWordText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!word) {
                return false;
            }
        }
        return true;
    }

    private SessionFailure malformed(String what, String line, int messageNumber) {
        boolean dialects = line.startsWith(classPrefix) || line.equals(classId);
        return new SessionFailure(
                FailureReason.MALFORMED_MESSAGE,
                what + " in message " + messageNumber + ": "
                        + (dialects
                                ? SessionFailure.SERVER_TEXT.unlessFlagLike(line)
                                : Quoter.describe(line, "not the dialect's")));
    }
}

package dev.flagrunner.expression;

/**
 * Answers a FIND question (docs/protocol.md §3.2): how often the symbol occurs in the string, case
 * sensitive. Both are visible ASCII; the string has no spaces (none of the observed ones does), so
 * exactly one space separates them. Linear in the payload and allocation-free but for the answer.
 *
 * <pre>
 * payload = symbol SP string
 * symbol  = VCHAR                ; %x21-7E
 * string  = 1*VCHAR
 * </pre>
 */
final class FindCount {

    private FindCount() {}

    static Answer answer(String payload) throws ExpressionException {
        int length = payload.length();
        if (length == 0) {
            throw Problems.malformed(0, "expected a symbol", "found end of input");
        }
        char symbol = payload.charAt(0);
        if (!isVisible(symbol)) {
            throw Problems.malformed(0, "expected a symbol", "found " + Problems.SNIPPET.quote(symbol));
        }
        if (length == 1 || payload.charAt(1) != ' ') {
            throw Problems.malformed(
                    1,
                    "expected a space after the symbol",
                    "found " + (length == 1 ? "end of input" : Problems.SNIPPET.quote(payload.charAt(1))));
        }
        if (length == 2) {
            throw Problems.malformed(2, "expected the string to search", "found end of input");
        }
        int count = 0;
        for (int i = 2; i < length; i++) {
            char c = payload.charAt(i);
            if (!isVisible(c)) {
                throw Problems.malformed(
                        i, "unexpected character " + Problems.SNIPPET.quote(c), "in the string to search");
            }
            if (c == symbol) {
                count++;
            }
        }
        return new Answer.Value(Integer.toString(count));
    }

    private static boolean isVisible(char c) {
        return c > ' ' && c < 0x7f;
    }
}

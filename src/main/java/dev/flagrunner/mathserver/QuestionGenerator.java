package dev.flagrunner.mathserver;

import dev.flagrunner.expression.Arithmetic;
import java.util.random.RandomGenerator;

/**
 * Random question payloads in each dialect's ranges (docs/protocol.md §1, §8.5): what the real servers sent.
 * The expected answer is not computed here but by the expression engine, in {@link Examiner}.
 */
final class QuestionGenerator {

    private static final char[] OPS = {'+', '-', '*', '/'};
    private static final String[] EVAL2021_OPS = {"+", "-", "*", "//"};
    private static final String[] EVAL2022_OPS = {"+", "-", "*", "//", "<<^"};

    private final Arithmetic arithmetic;

    QuestionGenerator(Arithmetic arithmetic) {
        this.arithmetic = arithmetic;
    }

    String next(RandomGenerator random) {
        return switch (arithmetic) {
            case STATUS_FLOOR, EECE_TRUE_DIVISION -> oneLiner(random, 1, 1000);
            case CS230_TRUNCATE -> oneLiner(random, -1000, 1000);
            case FIND_COUNT -> find(random);
            case EVAL2021 -> eval2021(random, 1 + random.nextInt(4));
            case EVAL2022 -> eval2022(random, 1 + random.nextInt(6));
        };
    }

    private static String oneLiner(RandomGenerator random, int min, int max) {
        char op = OPS[random.nextInt(OPS.length)];
        int a = random.nextInt(min, max + 1);
        int b = random.nextInt(min, max + 1);
        while (op == '/' && b == 0) {
            b = random.nextInt(min, max + 1);
        }
        return a + " " + op + " " + b;
    }

    /** A printable symbol and a random printable string without spaces, the symbol mixed in now and then. */
    private static String find(RandomGenerator random) {
        char symbol = (char) random.nextInt(33, 127);
        int length = random.nextInt(1, 2001);
        StringBuilder s = new StringBuilder(length + 2).append(symbol).append(' ');
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(8) == 0 ? symbol : (char) random.nextInt(33, 127));
        }
        return s.toString();
    }

    /**
     * Python integer expressions: parenthesised binary operations, and now and then an unparenthesised
     * chain such as {@code 7 - 3 * 2 // 4} where Python precedence and left associativity decide.
     */
    private static String eval2021(RandomGenerator random, int depth) {
        if (depth == 0) {
            return Integer.toString(random.nextInt(0, 1001));
        }
        if (random.nextInt(3) == 0) {
            StringBuilder chain = new StringBuilder().append(random.nextInt(0, 1001));
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                chain.append(' ')
                        .append(EVAL2021_OPS[random.nextInt(EVAL2021_OPS.length)])
                        .append(' ')
                        .append(random.nextInt(0, 1001));
            }
            return "( " + chain + " )";
        }
        return "( " + eval2021(random, depth - 1) + " " + EVAL2021_OPS[random.nextInt(EVAL2021_OPS.length)] + " "
                + eval2021(random, depth - 1) + " )";
    }

    /** The fully parenthesised txpr of spring 2022 – spring 2023, signed 32-bit literals. */
    private static String eval2022(RandomGenerator random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return Integer.toString(random.nextInt());
        }
        return "( " + eval2022(random, depth - 1) + " " + EVAL2022_OPS[random.nextInt(EVAL2022_OPS.length)] + " "
                + eval2022(random, depth - 1) + " )";
    }
}

package dev.flagrunner.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Random;

/**
 * Random expression trees for the property tests, with an oracle that evaluates them directly and
 * independently of the engine: floor and truncation through {@link BigDecimal} rounding modes, {@code
 * <<^} as multiplication by 8192 and a bit-by-bit two's-complement XOR. Printers write a tree in each
 * dialect's syntax, with random (seeded) spacing.
 */
sealed interface ExpressionTree {

    record Leaf(BigInteger value) implements ExpressionTree {}

    record Node(String operator, ExpressionTree left, ExpressionTree right) implements ExpressionTree {}

    /** Python's unary minus (eval2021 only). */
    record Negation(ExpressionTree operand) implements ExpressionTree {}

    /** The value, or empty when a division by zero happens anywhere (both operands always evaluated). */
    static Optional<BigInteger> evaluate(ExpressionTree tree) {
        if (tree instanceof Leaf leaf) {
            return Optional.of(leaf.value());
        }
        if (tree instanceof Negation negation) {
            return evaluate(negation.operand()).map(BigInteger::negate);
        }
        Node node = (Node) tree;
        Optional<BigInteger> left = evaluate(node.left());
        Optional<BigInteger> right = evaluate(node.right());
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        BigInteger a = left.get();
        BigInteger b = right.get();
        return switch (node.operator()) {
            case "+" -> Optional.of(a.add(b));
            case "-" -> Optional.of(a.subtract(b));
            case "*" -> Optional.of(a.multiply(b));
            case "//" -> b.signum() == 0 ? Optional.empty() : Optional.of(divide(a, b, RoundingMode.FLOOR));
            case "<<^" -> Optional.of(xor(a.multiply(BigInteger.valueOf(8192)), b));
            default -> throw new IllegalArgumentException(node.operator());
        };
    }

    static BigInteger divide(BigInteger a, BigInteger b, RoundingMode rounding) {
        return new BigDecimal(a).divide(new BigDecimal(b), 0, rounding).toBigIntegerExact();
    }

    /** XOR on two's complement, bit by bit in a width that holds both operands and their sign. */
    static BigInteger xor(BigInteger a, BigInteger b) {
        int width = Math.max(a.bitLength(), b.bitLength()) + 2;
        BigInteger modulus = BigInteger.ONE.shiftLeft(width);
        BigInteger ua = a.mod(modulus);
        BigInteger ub = b.mod(modulus);
        BigInteger result = BigInteger.ZERO;
        for (int i = 0; i < width; i++) {
            if (ua.testBit(i) != ub.testBit(i)) {
                result = result.add(BigInteger.ONE.shiftLeft(i));
            }
        }
        return result.testBit(width - 1) ? result.subtract(modulus) : result;
    }

    /** EVAL-2022: every operation in its own parentheses, one or more spaces between tokens. */
    static String txpr(ExpressionTree tree, long spacingSeed) {
        StringBuilder out = new StringBuilder();
        Random random = new Random(spacingSeed);
        out.append(" ".repeat(random.nextInt(3) == 0 ? 1 : 0));
        appendTxpr(out, tree, random);
        return out.append(" ".repeat(random.nextInt(3) == 0 ? 2 : 0)).toString();
    }

    private static void appendTxpr(StringBuilder out, ExpressionTree tree, Random random) {
        if (tree instanceof Leaf leaf) {
            out.append(leaf.value());
            return;
        }
        Node node = (Node) tree;
        out.append('(').append(gap(random));
        appendTxpr(out, node.left(), random);
        out.append(gap(random)).append(node.operator()).append(gap(random));
        appendTxpr(out, node.right(), random);
        out.append(gap(random)).append(')');
    }

    private static String gap(Random random) {
        return random.nextInt(8) == 0 ? "  " : " ";
    }

    /**
     * EVAL-2021: Python syntax with only the parentheses precedence and left associativity need, plus
     * some redundant ones, and spacing that may be absent.
     */
    static String python(ExpressionTree tree, long spacingSeed) {
        StringBuilder out = new StringBuilder();
        appendPython(out, tree, new Random(spacingSeed));
        return out.toString();
    }

    private static void appendPython(StringBuilder out, ExpressionTree tree, Random random) {
        if (tree instanceof Leaf leaf) {
            out.append(leaf.value()); // a negative literal prints as unary minus, which binds tighter than * //
            return;
        }
        if (tree instanceof Negation negation) {
            out.append('-').append(pythonGap(random));
            appendOperand(out, negation.operand(), negation.operand() instanceof Node, random);
            return;
        }
        Node node = (Node) tree;
        int precedence = precedence(node);
        appendOperand(out, node.left(), precedence(node.left()) < precedence, random);
        out.append(pythonGap(random)).append(node.operator()).append(pythonGap(random));
        appendOperand(out, node.right(), precedence(node.right()) <= precedence, random);
    }

    private static void appendOperand(
            StringBuilder out, ExpressionTree operand, boolean needsParentheses, Random random) {
        boolean parenthesise = needsParentheses || random.nextInt(10) == 0;
        out.append(parenthesise ? "(" : "");
        appendPython(out, operand, random);
        out.append(parenthesise ? ")" : "");
    }

    private static int precedence(ExpressionTree tree) {
        if (tree instanceof Node node) {
            return node.operator().equals("+") || node.operator().equals("-") ? 1 : 2;
        }
        return 3;
    }

    private static String pythonGap(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "  ";
            default -> " ";
        };
    }
}

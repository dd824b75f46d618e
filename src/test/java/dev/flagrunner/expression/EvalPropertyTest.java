package dev.flagrunner.expression;

import static dev.flagrunner.support.SeededProperty.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.support.Draw;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Random expression trees, evaluated by the {@link ExpressionTree} oracle, printed in the dialect's
 * syntax, then parsed and evaluated by the engine: both must agree, including on {@code ERR #DIV/0}.
 */
class EvalPropertyTest {

    private static final int DEPTH = 6;
    private static final int TRIES = 1000;
    private static final List<String> TXPR_OPERATORS = List.of("+", "-", "*", "//", "<<^");
    private static final List<String> PYTHON_OPERATORS = List.of("+", "-", "*", "//");

    @Test
    void eval2022AgreesWithTheOracle() {
        agreesWithTheOracle(Arithmetic.EVAL2022, TXPR_OPERATORS, false, ExpressionTree::txpr);
    }

    @Test
    void eval2021AgreesWithTheOracle() {
        agreesWithTheOracle(Arithmetic.EVAL2021, PYTHON_OPERATORS, true, ExpressionTree::python);
    }

    /** Trees printed by {@code printer} (with a random spacing seed) evaluate as the oracle says. */
    private static void agreesWithTheOracle(
            Arithmetic arithmetic,
            List<String> operators,
            boolean negations,
            BiFunction<ExpressionTree, Long, String> printer) {
        forAll(TRIES, draw -> {
            ExpressionTree tree = tree(draw, DEPTH, operators, negations);
            String payload = printer.apply(tree, draw.anyLong());
            assertThat(Evaluator.evaluate(arithmetic, payload)).as(payload).isEqualTo(expected(tree));
        });
    }

    /**
     * A tree of at most {@code depth} levels: below the top, a leaf, a node and (with {@code negations}) a
     * unary minus weigh 1 : 3 : 1.
     */
    private static ExpressionTree tree(Draw draw, int depth, List<String> operators, boolean negations) {
        if (depth == 0) {
            return leaf(draw);
        }
        int pick = draw.intBetween(0, negations ? 4 : 3);
        if (pick == 0) {
            return leaf(draw);
        }
        if (pick == 4) {
            return new ExpressionTree.Negation(tree(draw, depth - 1, operators, negations));
        }
        String operator = draw.oneOf(operators);
        ExpressionTree left = tree(draw, depth - 1, operators, negations);
        return new ExpressionTree.Node(operator, left, tree(draw, depth - 1, operators, negations));
    }

    /** Small literals (1 in 4) make zero divisors and exact quotients common; 32-bit ones exercise signs and size. */
    private static ExpressionTree leaf(Draw draw) {
        int value = draw.oneIn(4) ? draw.intBetween(-3, 3) : draw.anyInt();
        return new ExpressionTree.Leaf(BigInteger.valueOf(value));
    }

    private static Answer expected(ExpressionTree tree) {
        return ExpressionTree.evaluate(tree)
                .<Answer>map(value -> new Answer.Value(value.toString()))
                .orElse(Answer.DivisionByZero.INSTANCE);
    }
}

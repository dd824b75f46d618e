package dev.flagrunner.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random expression trees, evaluated by the {@link ExpressionTree} oracle, printed in the dialect's
 * syntax, then parsed and evaluated by the engine: both must agree, including on {@code ERR #DIV/0}.
 */
class EvalPropertyTest {

    private static final int DEPTH = 6;

    @Property(tries = 1000)
    void eval2022AgreesWithTheOracle(@ForAll("txprTrees") ExpressionTree tree, @ForAll long spacing)
            throws ExpressionException {
        String payload = ExpressionTree.txpr(tree, spacing);
        assertThat(Evaluator.evaluate(Arithmetic.EVAL2022, payload)).as(payload).isEqualTo(expected(tree));
    }

    @Property(tries = 1000)
    void eval2021AgreesWithTheOracle(@ForAll("pythonTrees") ExpressionTree tree, @ForAll long spacing)
            throws ExpressionException {
        String payload = ExpressionTree.python(tree, spacing);
        assertThat(Evaluator.evaluate(Arithmetic.EVAL2021, payload)).as(payload).isEqualTo(expected(tree));
    }

    @Provide
    Arbitrary<ExpressionTree> txprTrees() {
        return trees(DEPTH, List.of("+", "-", "*", "//", "<<^"), false);
    }

    @Provide
    Arbitrary<ExpressionTree> pythonTrees() {
        return trees(DEPTH, List.of("+", "-", "*", "//"), true);
    }

    private static Arbitrary<ExpressionTree> trees(int depth, List<String> operators, boolean negations) {
        // Small literals make zero divisors and exact quotients common; 32-bit ones exercise signs and size.
        Arbitrary<ExpressionTree> leaf = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-3, 3)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.integers()))
                .map(value -> new ExpressionTree.Leaf(BigInteger.valueOf(value)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ExpressionTree> smaller = trees(depth - 1, operators, negations);
        Arbitrary<ExpressionTree> node = Combinators
                .combine(Arbitraries.of(operators), smaller, smaller)
                .as(ExpressionTree.Node::new);
        if (!negations) {
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, leaf), net.jqwik.api.Tuple.of(3, node));
        }
        Arbitrary<ExpressionTree> negation = smaller.map(ExpressionTree.Negation::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, leaf), net.jqwik.api.Tuple.of(3, node),
                net.jqwik.api.Tuple.of(1, negation));
    }

    private static Answer expected(ExpressionTree tree) {
        return ExpressionTree.evaluate(tree)
                .<Answer>map(value -> new Answer.Value(value.toString()))
                .orElse(Answer.DivisionByZero.INSTANCE);
    }
}

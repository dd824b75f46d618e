package dev.flagrunner.bench;

import dev.flagrunner.expression.Answer;
import dev.flagrunner.expression.Arithmetic;
import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One evaluation of typical and worst real questions (docs/expression.md has the figures): a STATUS
 * one-liner (the hot path of the most common dialect), an EECE true division (Python float text), a
 * 40-level {@code <<^} chain (157-digit result) and the real 2.1 KB EVAL-2022 server expression, read
 * from the test vectors on the classpath ({@value #VECTORS}, a test resource).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EvaluatorBenchmark {

    static final String VECTORS = "/dev/flagrunner/expression/vectors/eval2022.tsv";

    private String statusOneLiner;
    private String eeceDivision;
    private String shiftChain40;
    private String realEval2022;

    @Setup
    public void setUp() throws IOException, ExpressionException {
        statusOneLiner = new StringBuilder("713 / 187").toString(); // not a compile-time constant
        eeceDivision = new StringBuilder("397 / 311").toString();
        shiftChain40 = shiftChain(40);
        realEval2022 = lastBigRow(VECTORS);
        check(Arithmetic.STATUS_FLOOR, statusOneLiner, new Answer.Value("3"));
        check(Arithmetic.EECE_TRUE_DIVISION, eeceDivision, new Answer.Value("1.2765273311897105"));
        check(Arithmetic.EVAL2022, realEval2022, Answer.DivisionByZero.INSTANCE);
    }

    @Benchmark
    public Answer statusOneLiner() throws ExpressionException {
        return Evaluator.evaluate(Arithmetic.STATUS_FLOOR, statusOneLiner);
    }

    @Benchmark
    public Answer eeceTrueDivision() throws ExpressionException {
        return Evaluator.evaluate(Arithmetic.EECE_TRUE_DIVISION, eeceDivision);
    }

    @Benchmark
    public Answer shiftXorChain40() throws ExpressionException {
        return Evaluator.evaluate(Arithmetic.EVAL2022, shiftChain40);
    }

    @Benchmark
    public Answer realEval2022Expression2k() throws ExpressionException {
        return Evaluator.evaluate(Arithmetic.EVAL2022, realEval2022);
    }

    /** {@code ( … ( ( 1 <<^ 0 ) <<^ 1 ) … <<^ n-1 )}, the chain of the vectors. */
    static String shiftChain(int levels) {
        StringBuilder chain = new StringBuilder("( ".repeat(levels)).append("1 <<^ 0 )");
        for (int i = 1; i < levels; i++) {
            chain.append(" <<^ ").append(i).append(" )");
        }
        return chain.toString();
    }

    private static String lastBigRow(String resource) throws IOException {
        List<String> lines;
        try (InputStream in = EvaluatorBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing from the classpath");
            }
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .toList();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String expression = lines.get(i).substring(0, lines.get(i).lastIndexOf('\t'));
            if (expression.length() > 2000) {
                return expression;
            }
        }
        throw new IllegalStateException("no 2 KB expression in " + resource);
    }

    private static void check(Arithmetic arithmetic, String payload, Answer expected) throws ExpressionException {
        Answer actual = Evaluator.evaluate(arithmetic, payload);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("benchmark input answers " + actual + ", expected " + expected);
        }
    }
}

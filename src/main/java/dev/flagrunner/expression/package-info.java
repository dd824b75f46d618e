/**
 * The expression engine, plain Java: the scanner, each dialect's parser and arithmetic, and the evaluator
 * that turns a question payload into the answer a correct client sends (docs/expression.md). It may use the
 * JDK and {@code text} only, so the client, the reference server and the CLI answer alike.
 */
package dev.flagrunner.expression;

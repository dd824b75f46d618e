package dev.flagrunner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagrunner.support.ChunkedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shared budget of bytes in flight, alone and as line readers draw on it. */
class BytesInFlightTest {

    private static final int LIMIT = 1 << 20;

    private static LineReader reader(byte[] bytes, BytesInFlight budget) {
        return new LineReader(new ChunkedInputStream(bytes, 4096), LIMIT, StandardCharsets.US_ASCII, true, budget);
    }

    private static byte[] line(int length) {
        return ("x".repeat(length) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void takesAllOrNothingAndGivesBack() {
        BytesInFlight budget = new BytesInFlight(100);

        assertThat(budget.tryTake(60)).isTrue();
        assertThat(budget.tryTake(41)).as("all or nothing").isFalse();
        assertThat(budget.taken()).isEqualTo(60);
        assertThat(budget.tryTake(40)).isTrue();
        assertThat(budget.tryTake(1)).isFalse();
        budget.give(100);
        assertThat(budget.taken()).isZero();
        assertThat(budget.tryTake(100)).isTrue();
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> new BytesInFlight(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the budget of bytes in flight must not be negative: -1");
    }

    @Test
    void takersRacingNeverHoldMoreThanTheBudget() throws InterruptedException {
        BytesInFlight budget = new BytesInFlight(1000);
        AtomicLong mostSeen = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    if (budget.tryTake(300)) {
                        mostSeen.accumulateAndGet(budget.taken(), Math::max);
                        budget.give(300);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(mostSeen.get()).isPositive().isLessThanOrEqualTo(1000);
        assertThat(budget.taken()).isZero();
    }

    @Nested
    class LineReaders {

        @Test
        void honestLinesFitTheBaseAndTakeNothing() throws IOException {
            BytesInFlight budget = new BytesInFlight(0);
            byte[] lines = "cls STATUS 1 + 2\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            try (LineReader r = reader(lines, budget)) {
                int count = 0;
                while (r.next() != null) {
                    count++;
                }
                assertThat(count).isEqualTo(10_000);
            }
            byte[] longest = line(LineReader.BASE_BUFFER - 2);
            try (LineReader r = reader(longest, budget)) {
                assertThat(r.next()).hasSize(LineReader.BASE_BUFFER - 2);
            }
        }

        @Test
        void aLongLineTakesItsGrowthUntilTheNextCallGivesItBack() throws IOException {
            BytesInFlight budget = new BytesInFlight(LIMIT);
            byte[] two = concat(line(100_000), line(3));
            LineReader r = reader(two, budget);

            assertThat(r.next()).hasSize(100_000);
            // 8 KiB doubled to 128 KiB: 120 KiB beyond the base, held while the caller works on the line.
            assertThat(budget.taken()).isEqualTo(131_072 - LineReader.BASE_BUFFER);
            assertThat(r.next()).isEqualTo("xxx");
            assertThat(budget.taken()).as("back at the base").isZero();
        }

        @Test
        void aReaderThatFindsTheBudgetSpentFailsWithTheNumbersAndTheKey() throws IOException {
            BytesInFlight budget = new BytesInFlight(300_000);
            LineReader first = reader(line(150_000), budget);
            assertThat(first.next()).hasSize(150_000);
            long heldByFirst = budget.taken();

            LineReader second = reader(line(150_000), budget);
            assertThatThrownBy(second::next)
                    .isInstanceOf(OverBudgetException.class)
                    .hasMessageStartingWith("the message reached ")
                    .hasMessageContaining("beyond the 8192 each session holds of its own")
                    .hasMessageEndingWith("held the whole budget of 300000 bytes in flight"
                            + " (flagrunner.session.max-bytes-in-flight)")
                    .hasMessageNotContaining("xxxx");
            second.close();
            assertThat(budget.taken())
                    .as("the failed reader gave back what it took")
                    .isEqualTo(heldByFirst);

            first.close();
            assertThat(budget.taken()).isZero();
            first.close();
            assertThat(budget.taken()).as("closing twice gives nothing twice").isZero();
        }

        @Test
        void aLineOverTheLimitGivesBackAtClose() throws IOException {
            BytesInFlight budget = new BytesInFlight(4L << 20);
            LineReader r = reader(line(LIMIT + 10), budget);

            assertThatThrownBy(r::next).isInstanceOf(LineTooLongException.class);
            assertThat(budget.taken()).isPositive();
            r.close();
            assertThat(budget.taken()).isZero();
        }

        @Test
        void unreadBytesBeyondTheBaseKeepTheGrowthUntilTheyFit() throws IOException {
            BytesInFlight budget = new BytesInFlight(4L << 20);
            // Two long lines arrive in one read: after the first, the second is still held beyond the base.
            byte[] both = concat(line(50_000), line(50_000), line(1));
            LineReader r =
                    new LineReader(new ByteArrayInputStream(both), LIMIT, StandardCharsets.US_ASCII, true, budget);

            assertThat(r.next()).hasSize(50_000);
            assertThat(r.next()).hasSize(50_000);
            assertThat(budget.taken()).isPositive();
            assertThat(r.next()).isEqualTo("x");
            assertThat(budget.taken()).isZero();
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

package dev.flagrunner.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The yardstick for the evaluator: one question/answer exchange over loopback TCP, as the client
 * makes per question — a 32-byte line out, a 21-byte line back, TCP_NODELAY on both ends, an echo
 * thread in the same JVM. The evaluator's targets are fractions of this figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopbackBenchmark {

    private static final byte[] QUESTION = "cs5700fall2020 STATUS 713 / 187\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = "cs5700fall2020 12345\n".getBytes(StandardCharsets.US_ASCII);

    private ServerSocket server;
    private Socket client;
    private Socket accepted;
    private Thread echo;
    private InputStream fromServer;
    private OutputStream toServer;
    private final byte[] reply = new byte[64];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (QUESTION.length != 32 || ANSWER.length != 21) {
            throw new IllegalStateException("message sizes changed");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = new ServerSocket(0, 1, loopback);
        client = new Socket(loopback, server.getLocalPort());
        client.setTcpNoDelay(true);
        accepted = server.accept();
        accepted.setTcpNoDelay(true);
        fromServer = client.getInputStream();
        toServer = client.getOutputStream();
        echo = new Thread(this::answerEachLine, "loopback-echo");
        echo.setDaemon(true);
        echo.start();
    }

    @Benchmark
    public int roundTrip() throws IOException {
        toServer.write(QUESTION);
        return readLine(fromServer, reply);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        client.close();
        accepted.close();
        server.close();
        echo.join(5_000);
    }

    private void answerEachLine() {
        byte[] question = new byte[64];
        try (InputStream in = accepted.getInputStream();
                OutputStream out = accepted.getOutputStream()) {
            while (readLine(in, question) > 0) {
                out.write(ANSWER);
            }
        } catch (IOException closed) {
            // the trial is over
        }
    }

    /** Reads up to and including a line feed; the number of bytes, or 0 at the end of the stream. */
    private static int readLine(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        while (length == 0 || buffer[length - 1] != '\n') {
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return 0;
            }
            length += read;
        }
        return length;
    }
}

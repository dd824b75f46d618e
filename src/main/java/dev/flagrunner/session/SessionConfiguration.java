package dev.flagrunner.session;

import dev.flagrunner.config.FlagrunnerProperties;
import dev.flagrunner.flag.FlagStore;
import dev.flagrunner.security.TokenRegistry;
import dev.flagrunner.store.SqlStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires {@link SessionService} with the system clock and its own threads; a test gives it a fixed clock or
 * another executor instead. The executor is not a bean of its own: an {@code Executor} bean would make Spring
 * Boot leave out its {@code applicationTaskExecutor}, and the sessions' threads are no one else's.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    SessionService sessionService(
            FlagrunnerProperties properties,
            TargetResolver resolver,
            SocketOpeners openers,
            FlagStore flags,
            SessionMetrics metrics,
            TokenRegistry tokens,
            ObjectProvider<SqlStore> durable) {
        Clock clock = Clock.systemUTC();
        SessionJournal journal = durable.stream()
                .findFirst()
                .<SessionJournal>map(SqlSessionJournal::new)
                .orElse(SessionJournal.NONE);
        return new SessionService(
                properties,
                resolver,
                openers,
                flags,
                metrics,
                clock,
                sessionThreads(properties.session().maxConcurrent()),
                new SessionHistory(properties.session().history(), tokens.owners(), journal, clock.instant()));
    }

    /**
     * Daemon threads {@code session-N}, at most {@code maxConcurrent}, idle ones ending after 30 s. The slots
     * bound the work, the pool only runs it. A session frees its slot as it ends, a moment before its thread is
     * back in the pool; a start in that moment waits in the queue for that thread (a hand-off queue would refuse
     * it). The queue holds at most max-concurrent tasks: each needs a slot.
     */
    static ExecutorService sessionThreads(int maxConcurrent) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                maxConcurrent, maxConcurrent, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "session-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

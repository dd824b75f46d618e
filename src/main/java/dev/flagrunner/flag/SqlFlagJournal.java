package dev.flagrunner.flag;

import dev.flagrunner.store.SqlStore;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link FlagJournal} in the durable store's table {@code flags} (db/migration/V1__flags.sql). */
final class SqlFlagJournal implements FlagJournal {

    private final SqlStore store;

    SqlFlagJournal(SqlStore store) {
        this.store = store;
    }

    @Override
    public List<Numbered> load() {
        return store.read(
                "loading the flags",
                jdbc -> jdbc.sql(
                                "SELECT seq, owner, target, student_id, flag, dialect, class_id, session_id, captured_at"
                                        + " FROM flags ORDER BY seq")
                        .query((rs, n) -> new Numbered(
                                rs.getLong("seq"),
                                new CapturedFlag(
                                        rs.getString("student_id"),
                                        rs.getString("flag"),
                                        rs.getString("target"),
                                        rs.getString("dialect"),
                                        rs.getString("class_id"),
                                        rs.getString("session_id"),
                                        Instant.parse(rs.getString("captured_at")),
                                        rs.getString("owner"))))
                        .list());
    }

    @Override
    public void added(long sequence, CapturedFlag flag, Long evicted, Runnable alongside) {
        store.write("storing a flag", jdbc -> {
            if (evicted != null) {
                delete(jdbc, evicted);
            }
            jdbc.sql("INSERT INTO flags (seq, owner, target, student_id, flag, dialect, class_id, session_id,"
                            + " captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            sequence,
                            flag.owner(),
                            flag.target(),
                            flag.studentId(),
                            flag.flag(),
                            flag.dialect(),
                            flag.classId(),
                            flag.sessionId(),
                            flag.capturedAt().toString())
                    .update();
            alongside.run();
        });
    }

    @Override
    public void refreshed(long sequence, CapturedFlag flag, Runnable alongside) {
        store.write("refreshing a flag", jdbc -> {
            jdbc.sql("UPDATE flags SET dialect = ?, class_id = ?, session_id = ?, captured_at = ? WHERE seq = ?")
                    .params(
                            flag.dialect(),
                            flag.classId(),
                            flag.sessionId(),
                            flag.capturedAt().toString(),
                            sequence)
                    .update();
            alongside.run();
        });
    }

    @Override
    public void evicted(List<Long> sequences) {
        if (!sequences.isEmpty()) {
            store.write("dropping flags beyond the capacity", jdbc -> sequences.forEach(s -> delete(jdbc, s)));
        }
    }

    private static void delete(JdbcClient jdbc, long sequence) {
        jdbc.sql("DELETE FROM flags WHERE seq = ?").param(sequence).update();
    }
}

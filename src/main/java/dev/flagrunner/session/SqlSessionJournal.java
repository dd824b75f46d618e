package dev.flagrunner.session;

import dev.flagrunner.protocol.FailureReason;
import dev.flagrunner.store.SqlStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link SessionJournal} in the durable store's table {@code sessions} (db/migration/V2__sessions.sql). */
final class SqlSessionJournal implements SessionJournal {

    static final String INTERRUPTED_DETAIL =
            "the service stopped while the session ran (a kill, a crash or a power cut); ended at the next start";

    private final SqlStore store;

    SqlSessionJournal(SqlStore store) {
        this.store = store;
    }

    @Override
    public List<SessionRecord> load(Instant now) {
        store.write(
                "ending the sessions the stop interrupted",
                jdbc -> jdbc.sql("UPDATE sessions SET status = ?, failure_reason = ?, failure_detail = ?, ended_at = ?"
                                + " WHERE status = ?")
                        .params(
                                SessionStatus.FAILED.name(),
                                FailureReason.INTERRUPTED.name(),
                                INTERRUPTED_DETAIL,
                                now.toString(),
                                SessionStatus.RUNNING.name())
                        .update());
        return store.read(
                "loading the sessions",
                jdbc -> jdbc.sql("SELECT * FROM sessions ORDER BY seq")
                        .query((rs, n) -> restored(rs))
                        .list());
    }

    private static SessionRecord restored(ResultSet rs) throws SQLException {
        String reason = rs.getString("failure_reason");
        return SessionRecord.restored(
                rs.getLong("seq"),
                rs.getString("id"),
                rs.getString("student_id"),
                rs.getString("owner"),
                new ResolvedTarget.View(
                        rs.getString("target_name"),
                        rs.getString("target_host"),
                        rs.getInt("target_port"),
                        rs.getBoolean("target_tls"),
                        rs.getString("dialect"),
                        rs.getString("class_id")),
                Instant.parse(rs.getString("started_at")),
                rs.getInt("questions_answered"),
                new SessionRecord.Ending(
                        SessionStatus.valueOf(rs.getString("status")),
                        rs.getString("flag"),
                        reason == null ? null : new SessionView.Failure(reason, rs.getString("failure_detail")),
                        Instant.parse(rs.getString("ended_at"))));
    }

    @Override
    public void started(SessionRecord r) {
        ResolvedTarget.View t = r.targetView();
        store.write(
                "storing a session's start",
                jdbc -> jdbc.sql(
                                "INSERT INTO sessions (seq, id, owner, student_id, target_name, target_host, target_port,"
                                        + " target_tls, dialect, class_id, status, questions_answered, started_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                r.sequence(),
                                r.id(),
                                r.owner(),
                                r.studentId(),
                                t.name(),
                                t.host(),
                                t.port(),
                                t.tls(),
                                t.dialect(),
                                t.classId(),
                                SessionStatus.RUNNING.name(),
                                0,
                                r.startedAt().toString())
                        .update());
    }

    @Override
    public void ended(SessionRecord r, SessionRecord.Ending e) {
        store.write(
                "storing a session's end",
                jdbc -> jdbc.sql("UPDATE sessions SET status = ?, flag = ?, failure_reason = ?, failure_detail = ?,"
                                + " questions_answered = ?, ended_at = ? WHERE seq = ?")
                        .params(
                                e.status().name(),
                                e.flag(),
                                e.failure() == null ? null : e.failure().reason(),
                                e.failure() == null ? null : e.failure().detail(),
                                r.answered(),
                                e.endedAt().toString(),
                                r.sequence())
                        .update());
    }

    @Override
    public void evicted(List<SessionRecord> records) {
        if (!records.isEmpty()) {
            store.write(
                    "dropping sessions beyond the history",
                    jdbc -> records.forEach(r -> jdbc.sql("DELETE FROM sessions WHERE seq = ?")
                            .param(r.sequence())
                            .update()));
        }
    }
}

-- The captured flags (flag/FlagStore). Portable SQL: the same file runs on SQLite and PostgreSQL.
-- seq is the flag's place in GET /flags (the paging cursor); it only grows, across restarts too.
-- captured_at is an ISO-8601 instant (Instant.toString), kept as text so it round-trips exactly on both engines.
CREATE TABLE flags (
    seq         BIGINT       NOT NULL PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    target      VARCHAR(200) NOT NULL,
    student_id  VARCHAR(200) NOT NULL,
    flag        TEXT         NOT NULL,
    dialect     VARCHAR(50)  NOT NULL,
    class_id    VARCHAR(100) NOT NULL,
    session_id  VARCHAR(64)  NOT NULL,
    captured_at VARCHAR(40)  NOT NULL
);

-- One entry per (owner, target, student, flag): a capture again refreshes it in its place.
CREATE UNIQUE INDEX flags_key ON flags (owner, target, student_id, flag);

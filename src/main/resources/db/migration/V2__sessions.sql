-- The sessions' history (session/SessionHistory): a row as a session starts (RUNNING), updated as it ends.
-- A row still RUNNING at the next start was cut off by the stop: it is ended then with reason INTERRUPTED.
CREATE TABLE sessions (
    seq                BIGINT        NOT NULL PRIMARY KEY,
    id                 VARCHAR(64)   NOT NULL,
    owner              VARCHAR(200)  NOT NULL,
    student_id         VARCHAR(200)  NOT NULL,
    target_name        VARCHAR(200)  NOT NULL,
    target_host        VARCHAR(300)  NOT NULL,
    target_port        INTEGER       NOT NULL,
    target_tls         BOOLEAN       NOT NULL,
    dialect            VARCHAR(50)   NOT NULL,
    class_id           VARCHAR(100)  NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    flag               TEXT,
    failure_reason     VARCHAR(50),
    failure_detail     TEXT,
    questions_answered INTEGER       NOT NULL,
    started_at         VARCHAR(40)   NOT NULL,
    ended_at           VARCHAR(40)
);

CREATE UNIQUE INDEX sessions_id ON sessions (id);

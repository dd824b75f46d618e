package dev.flagrunner.session;

import java.time.Instant;
import java.util.List;

/**
 * Where {@link SessionHistory} keeps sessions beyond the process: a session is written as it starts and as it
 * ends, each committed before the caller is told; at the next start the history is rebuilt from {@link #load}, and
 * a session still written as running was cut off by the stop: it is ended then as {@code INTERRUPTED}.
 * {@link #NONE} keeps nothing ({@code flagrunner.store.type: memory}).
 */
interface SessionJournal {

    /** Every kept session, oldest first; those that were running are ended at {@code now} as INTERRUPTED. */
    List<SessionRecord> load(Instant now);

    void started(SessionRecord record);

    void ended(SessionRecord record, SessionRecord.Ending ending);

    void evicted(List<SessionRecord> records);

    SessionJournal NONE = new SessionJournal() {
        @Override
        public List<SessionRecord> load(Instant now) {
            return List.of();
        }

        @Override
        public void started(SessionRecord record) {}

        @Override
        public void ended(SessionRecord record, SessionRecord.Ending ending) {}

        @Override
        public void evicted(List<SessionRecord> records) {}
    };
}

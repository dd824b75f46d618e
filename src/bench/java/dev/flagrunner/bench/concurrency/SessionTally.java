package dev.flagrunner.bench.concurrency;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The final bodies of a load run's sessions, counted: statuses, reasons, flags, durations and what is wrong. */
record SessionTally(
        Map<String, Integer> byStatus,
        Map<String, Integer> byReason,
        Map<String, String> flagOf,
        long[] durations,
        long questionsTotal,
        int wrongCount,
        int badFlags,
        int duplicates,
        int wrongStudent) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param ended the final bodies by session index
     * @param questions the questions each captured session must have answered, or 0 or less for any number
     */
    static SessionTally of(Map<Integer, JsonNode> ended, String prefix, int first, int questions) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byReason = new TreeMap<>();
        Map<String, String> flagOf = new HashMap<>(); // flag -> student id
        long[] durations = new long[ended.size()];
        long questionsTotal = 0;
        int d = 0;
        int wrongCount = 0;
        int badFlags = 0;
        int duplicates = 0;
        int wrongStudent = 0;
        for (Map.Entry<Integer, JsonNode> e : ended.entrySet()) {
            JsonNode s = e.getValue();
            String status = String.valueOf(Service.text(s, "status"));
            byStatus.merge(status, 1, Integer::sum);
            JsonNode failure = s.get("failure");
            if (failure != null && !failure.isNull()) {
                byReason.merge(String.valueOf(Service.text(failure, "reason")), 1, Integer::sum);
            }
            String sid = Submitter.studentId(prefix, first + e.getKey());
            if (!sid.equals(Service.text(s, "studentId"))) {
                wrongStudent++;
            }
            long qa = s.path("questionsAnswered").asLong(0);
            questionsTotal += qa;
            if (questions > 0 && qa != questions && "FLAG_CAPTURED".equals(status)) {
                wrongCount++;
            }
            JsonNode duration = s.get("durationMillis");
            durations[d++] = duration == null || duration.isNull() ? -1 : duration.asLong();
            if ("FLAG_CAPTURED".equals(status)) {
                String flag = String.valueOf(Service.text(s, "flag"));
                if (!HEX64.matcher(flag).matches()) {
                    badFlags++;
                }
                if (flagOf.put(flag, sid) != null) {
                    duplicates++;
                }
            }
        }
        return new SessionTally(
                byStatus, byReason, flagOf, durations, questionsTotal, wrongCount, badFlags, duplicates, wrongStudent);
    }

    int captured() {
        return byStatus.getOrDefault("FLAG_CAPTURED", 0);
    }
}

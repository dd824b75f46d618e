package dev.flagrunner.flag;

import java.util.List;

/**
 * Flags as CSV (RFC 4180): a header row, one row per flag, CRLF line ends, a cell quoted when it holds a comma, a
 * quote, CR or LF (its quotes doubled). A cell that a spreadsheet would run as a formula (first character {@code =},
 * {@code +}, {@code -}, {@code @}, TAB or CR) gets a leading apostrophe and is quoted, as OWASP advises against CSV
 * injection, so a student id such as {@code =HYPERLINK(…)} is shown as text, never run.
 */
final class FlagCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "studentId,flag,target,dialect,classId,sessionId,capturedAt,owner\r\n";

    private FlagCsv() {}

    static String of(List<CapturedFlag> flags) {
        StringBuilder csv = new StringBuilder(HEADER);
        flags.forEach(f -> row(f, csv));
        return csv.toString();
    }

    static void row(CapturedFlag f, StringBuilder csv) {
        List<String> cells = List.of(
                f.studentId(),
                f.flag(),
                f.target(),
                f.dialect(),
                f.classId(),
                f.sessionId(),
                f.capturedAt().toString(),
                f.owner());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            cell(cells.get(i), csv);
        }
        csv.append("\r\n");
    }

    static void cell(String value, StringBuilder csv) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            csv.append(text);
        }
    }
}

package org.needlepoint.inventory;

import java.util.List;
import org.needlepoint.common.Amounts;

/**
 * A recall list as CSV (RFC 4180: CRLF line ends; a field holding a comma, a double quote, CR or LF
 * is quoted, its quotes doubled). One row per patient per visit that used the lot, after one header
 * line, which is written even when nobody received the lot.
 */
public final class RecallCsv {
    public static final List<String> HEADER = List.of("lot", "product", "expiry", "chart_number", "patient_name",
            "birth_date", "phones", "email", "visit_date", "visit_status", "injector", "points", "amount", "unit");
    private static final String EOL = "\r\n";

    private RecallCsv() {
    }

    public static String header() {
        return line(HEADER);
    }

    /** The rows of one lot's list, without the header. */
    public static String rows(RecallList list) {
        StringBuilder b = new StringBuilder();
        for (RecallList.Patient p : list.patients()) {
            for (RecallList.Visit v : p.visits()) {
                b.append(line(List.of(list.lot().lotNumber(), list.product().name(), list.lot().expiry().toString(),
                        Long.toString(p.chartNumber()), p.name(), p.birthDate() == null ? "" : p.birthDate().toString(),
                        p.phones(), p.email() == null ? "" : p.email(), v.date().toString(), v.status().name(),
                        v.injectorName(), Integer.toString(v.points().size()), Amounts.plain(v.amount()),
                        list.product().unit().symbol())));
            }
        }
        return b.toString();
    }

    /** Header and the rows of every list, in order. */
    public static String of(List<RecallList> lists) {
        StringBuilder b = new StringBuilder(header());
        lists.forEach(l -> b.append(rows(l)));
        return b.toString();
    }

    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.append(EOL).toString();
    }

    /** One field, quoted when RFC 4180 needs it. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}

package org.needlepoint.patient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.h2.tools.SimpleResultSet;
import org.needlepoint.store.Cancellation;

/**
 * The patient search as the clinic server runs it for a joined PC, in the server's process: H2 calls this
 * function ({@code CALL NP_SEARCH(text, limit)}; the server defines it at its start,
 * {@link PatientService#serveSearches}) on the calling PC's own connection, so the PC's rights apply. A
 * search is a few statements, each of which would be a round trip over the network: run here, it is one
 * (see {@link PatientStore#searchOnServer}). A PC's cancel does not stop it (H2 marks the PC's statement,
 * not the ones run inside it), so only the search is run this way: it takes milliseconds, where the count
 * of every match can read for half a second and is cancelled between its pages as the desk types on.
 */
public final class ServerSearch {
    static final String SEARCH = "NP_SEARCH";
    /** H2 calls a table function once with this connection to learn its columns only. */
    private static final String COLUMN_LIST = "jdbc:columnlist:connection";
    private static final PatientStore STORE = new PatientStore();

    private ServerSearch() {
    }

    /** {@code NP_SEARCH}: the first {@code limit} matches of {@code text}, each row with whether more match. */
    public static ResultSet search(Connection c, String text, int limit) throws SQLException {
        SimpleResultSet out = new SimpleResultSet();
        out.addColumn("ID", Types.BIGINT, 64, 0);
        out.addColumn("CHART_NUMBER", Types.BIGINT, 64, 0);
        out.addColumn("LAST_NAME", Types.VARCHAR, Integer.MAX_VALUE, 0);
        out.addColumn("FIRST_NAME", Types.VARCHAR, Integer.MAX_VALUE, 0);
        out.addColumn("PREFERRED_NAME", Types.VARCHAR, Integer.MAX_VALUE, 0);
        out.addColumn("BIRTH_DATE", Types.DATE, 10, 0);
        out.addColumn("PHONE", Types.VARCHAR, Integer.MAX_VALUE, 0);
        out.addColumn("EMAIL", Types.VARCHAR, Integer.MAX_VALUE, 0);
        out.addColumn("MORE", Types.BOOLEAN, 1, 0);
        if (COLUMN_LIST.equals(c.getMetaData().getURL())) {
            return out;
        }
        SearchPage page = STORE.search(c, SearchQuery.parse(text), limit, new Cancellation());
        for (PatientSummary p : page.rows()) {
            out.addRow(p.id(), p.chartNumber(), p.lastName(), p.firstName(), p.preferredName(), p.birthDate(), p.phone(),
                    p.email(), page.more());
        }
        return out;
    }
}

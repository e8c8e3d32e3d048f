package org.needlepoint.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * Installed on every records table (V11), AFTER INSERT, UPDATE, DELETE, once per statement: notes in
 * {@code change_feed} that this transaction changed the table's topic ({@link ChangeFeed#topicOf}), once
 * per transaction and topic. The row carries no number yet; {@link ChangeFeed#stamp} gives it the
 * transaction's commit counter at its end. Rows other transactions have not committed are invisible
 * here, so each transaction writes its own.
 *
 * <p>It runs inside the database's JVM (the clinic server's, for a joined PC) and keeps nothing but its
 * table's topic: whatever it needs is in the transaction it is handed.
 */
public class ChangeFeedTrigger implements Trigger {
    static final String NOTED = "SELECT 1 FROM change_feed WHERE commit_counter IS NULL AND topic = ?";
    static final String NOTE = "INSERT INTO change_feed (topic) VALUES (?)";
    private String topic;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {
        this.topic = ChangeFeed.topicOf(table.toLowerCase(Locale.ROOT));
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (conn.getAutoCommit()) {
            // a statement outside a transaction (a tool's own SQL): H2 refuses a write in a trigger that would
            // commit on its own, and no commit counter would number it; the app saves only in Database.tx
            return;
        }
        // a look first, the insert only once per transaction: most statements of a transaction find their topic
        // noted already, and a plain indexed read is the cheapest way to tell (INSERT ... WHERE NOT EXISTS cost
        // about 2.5 times as much per statement, measured)
        try (PreparedStatement ps = conn.prepareStatement(NOTED)) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(NOTE)) {
            ps.setString(1, topic);
            ps.executeUpdate();
        }
    }
}

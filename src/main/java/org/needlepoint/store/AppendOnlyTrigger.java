package org.needlepoint.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** Installed on append-only tables (the audit log): any UPDATE or DELETE fails. */
public class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The table " + table + " is append-only: rows cannot be changed or deleted", "45000");
    }
}

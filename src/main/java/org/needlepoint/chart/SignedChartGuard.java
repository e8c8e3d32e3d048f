package org.needlepoint.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * The database's backstop for "signed clinical records are immutable" (installed by V3__charts):
 * <ul>
 *   <li>visit: a SIGNED row cannot be updated or deleted;</li>
 *   <li>injection_point: no update or delete once its visit is signed; an insert into a signed visit
 *       must belong to an addendum, and a draft cannot hold addendum points;</li>
 *   <li>visit_screening: no insert, update or delete once the visit is signed;</li>
 *   <li>addendum: only added to a signed visit, never updated or deleted.</li>
 * </ul>
 * The service never attempts any of these; the guard makes a stray SQL statement fail too.
 */
public class SignedChartGuard implements Trigger {
    private String table;
    private String schema;
    private int visitColumn = -1;
    private int statusColumn = -1;
    private int addendumColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName.toLowerCase(Locale.ROOT);
        this.schema = schemaName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        locateColumns(conn);
        switch (table) {
            case "visit" -> {
                if (oldRow != null && VisitStatus.SIGNED.name().equals(oldRow[statusColumn])) {
                    throw refuse("a signed visit cannot be changed or deleted; add an addendum instead");
                }
            }
            case "injection_point" -> {
                if (oldRow != null && signed(conn, oldRow[visitColumn])) {
                    throw refuse("the points of a signed visit cannot be changed or deleted; add an addendum instead");
                }
                if (newRow != null) {
                    boolean signed = signed(conn, newRow[visitColumn]);
                    if (signed && newRow[addendumColumn] == null) {
                        throw refuse("a signed visit cannot get new original points; add them in an addendum");
                    }
                    if (!signed && newRow[addendumColumn] != null) {
                        throw refuse("a draft visit cannot hold addendum points");
                    }
                }
            }
            case "visit_screening" -> {
                Object[] row = oldRow != null ? oldRow : newRow;
                if (signed(conn, row[visitColumn]) || (newRow != null && signed(conn, newRow[visitColumn]))) {
                    throw refuse("the screening of a signed visit cannot change");
                }
            }
            case "addendum" -> {
                if (oldRow != null) {
                    throw refuse("an addendum cannot be changed or deleted; add another addendum");
                }
                if (!signed(conn, newRow[visitColumn])) {
                    throw refuse("an addendum can only be added to a signed visit");
                }
            }
            default -> throw new SQLException("SignedChartGuard is not meant for the table " + table);
        }
    }

    private void locateColumns(Connection conn) throws SQLException {
        if (visitColumn >= 0 || statusColumn >= 0) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT LOWER(COLUMN_NAME), ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND LOWER(TABLE_NAME) = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(2) - 1;
                    switch (rs.getString(1)) {
                        case "visit_id" -> visitColumn = index;
                        case "status" -> statusColumn = "visit".equals(table) ? index : statusColumn;
                        case "addendum_id" -> addendumColumn = index;
                        default -> {
                            // not needed
                        }
                    }
                }
            }
        }
    }

    private static boolean signed(Connection conn, Object visitId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT status FROM visit WHERE id = ?")) {
            ps.setObject(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && VisitStatus.SIGNED.name().equals(rs.getString(1));
            }
        }
    }

    private SQLException refuse(String why) {
        return new SQLException("Refused on " + table + ": " + why + ".", "45000");
    }
}

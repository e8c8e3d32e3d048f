package org.needlepoint.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A store's part of {@code check}: its record counts and any inconsistency it finds. */
public interface RecordCheck {
    /** Record type name to count, in print order. */
    Map<String, Long> counts(Connection c) throws SQLException;

    /** Human-readable problems; empty when all is well. */
    List<String> problems(Connection c) throws SQLException;

    /**
     * Things staff should act on that are not damage to the records (a lot whose stock needs
     * counting): {@code check} prints them but still exits 0 when there are no problems.
     */
    default List<String> warnings(Connection c) throws SQLException {
        return List.of();
    }
}

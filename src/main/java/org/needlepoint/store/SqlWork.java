package org.needlepoint.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}

package org.needlepoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.RoundTripCounter;

/**
 * A joined PC's pool on a real H2 TCP server on loopback (plain TCP here: TLS is the clinic server's, tried
 * in ClinicServerTest and PatientSearchRoundTripsTest): what a transaction left undone never survives the
 * connection's return, and a connection lent again keeps the statements it prepared.
 */
class ConnectionPoolTest {
    @TempDir
    Path dir;
    Server server;
    ConnectionPool pool;

    @BeforeEach
    void serve() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(),
                "-ifNotExists").start();
        pool = new ConnectionPool("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/pooltest", "sa", "", "the test server");
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void stop() {
        pool.dispose();
        server.stop();
    }

    private long rows() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM t");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aConnectionReturnedInTheMiddleOfATransactionComesBackRolledBackAndInAutoCommit() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (1)")) {
                ps.executeUpdate();
            }
            // returned without a commit (a failure the caller did not roll back)
        }
        try (Connection c = pool.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (2)")) {
                ps.executeUpdate();
            }
        }
        assertThat(rows()).isEqualTo(1); // row 2 alone: row 1 was never committed
    }

    /** H2's name of a statement it prepared ("prep3"). */
    private static String name(PreparedStatement ps) {
        return ps.toString().split(":")[0];
    }

    @Test
    void aStatementClosedByItsCallerIsPreparedOnceForItsConnectionWithItsParametersCleared() throws SQLException {
        String first;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS INT) + 1")) {
            ps.setInt(1, 41);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            first = name(ps);
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS INT) + 1")) {
            assertThat(name(ps)).isEqualTo(first);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class); // the old parameter is gone
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            try (PreparedStatement again = c.prepareStatement("SELECT CAST(? AS INT) + 1")) {
                assertThat(name(again)).as("in use: another one").isNotEqualTo(first);
            }
        }
    }

    @Test
    void aReturnedConnectionAndAClosedStatementRefuseToBeUsed() throws SQLException {
        Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1");
        ps.close();
        assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class);
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(() -> c.prepareStatement("SELECT 1")).isInstanceOf(SQLException.class);
        c.close(); // twice: nothing
        pool.dispose();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
    }

    /** A transaction's work on a connection: one prepared insert, then the commit. */
    private static void insertInTransaction(Connection c, int id) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
        c.commit();
    }

    @Test
    void aTransactionsConnectionGoesToTheNextTransactionWithAutoCommitOffAndCostsNoRoundTripToSwitchIt() throws Exception {
        try (RoundTripCounter relay = RoundTripCounter.start("127.0.0.1", server.getPort())) {
            ConnectionPool relayed = new ConnectionPool("jdbc:h2:tcp://127.0.0.1:" + relay.port() + "/pooltest", "sa", "", "the test server");
            try {
                try (Connection c = relayed.forTransaction()) {
                    insertInTransaction(c, 1); // connects, prepares the insert, turns auto-commit off
                }
                long before = relay.trips();
                try (Connection c = relayed.forTransaction()) {
                    assertThat(c.getAutoCommit()).as("lent as in auto-commit, as JDBC says").isTrue();
                    insertInTransaction(c, 2);
                }
                assertThat(relay.trips() - before).as("the insert and the commit, and nothing to switch auto-commit")
                        .isEqualTo(2);
            } finally {
                relayed.dispose();
            }
        }
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aTransactionEndedByACommittingStatementGoesBackWithoutARollbackAndOneNotRunIsRolledBack() throws Exception {
        try (RoundTripCounter relay = RoundTripCounter.start("127.0.0.1", server.getPort())) {
            ConnectionPool relayed = new ConnectionPool("jdbc:h2:tcp://127.0.0.1:" + relay.port() + "/pooltest", "sa", "", "the test server");
            try {
                commitByStatement(relayed, 1); // connects, prepares both statements, turns auto-commit off
                long before = relay.trips();
                commitByStatement(relayed, 2);
                assertThat(relay.trips() - before).as("the insert and the committing statement; no rollback on return")
                        .isEqualTo(2);
                assertThat(rows()).isEqualTo(2);

                try (Connection c = relayed.forTransaction()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (3)")) {
                        ps.executeUpdate();
                    }
                    c.prepareStatement("COMMIT; SELECT 1").close(); // prepared, never run: the insert is pending
                }
                commitByStatement(relayed, 4); // on the same connection: it would commit row 3 along had it stayed
                assertThat(rows()).as("rows 1, 2 and 4: row 3 went with its unfinished transaction").isEqualTo(3);
            } finally {
                relayed.dispose();
            }
        }
    }

    /** A transaction inserting {@code id} that ends with a statement that commits, as Database's commit and flush. */
    private static void commitByStatement(ConnectionPool pool, int id) throws SQLException {
        try (Connection c = pool.forTransaction()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("COMMIT; SELECT 1")) {
                ps.execute();
            }
        }
    }

    @Test
    void aReaderLentATransactionsConnectionWorksInAutoCommit() throws SQLException {
        try (Connection c = pool.forTransaction()) {
            insertInTransaction(c, 1);
        }
        try (Connection reader = pool.getConnection()) { // the only idle connection: the transaction's
            assertThat(reader.getAutoCommit()).isTrue();
            try (PreparedStatement ps = reader.prepareStatement("INSERT INTO t VALUES (2)")) {
                ps.executeUpdate();
            }
            assertThat(rows()).as("committed by itself, seen from another connection while it is still lent").isEqualTo(2);
        }
    }

    @Test
    void aTransactionReturnedUnfinishedOnATransactionsConnectionIsRolledBack() throws SQLException {
        try (Connection c = pool.forTransaction()) {
            insertInTransaction(c, 1);
        }
        try (Connection c = pool.forTransaction()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (2)")) {
                ps.executeUpdate();
            }
            // returned without a commit
        }
        try (Connection c = pool.forTransaction()) {
            insertInTransaction(c, 3);
        }
        assertThat(rows()).as("rows 1 and 3: row 2 went with its unfinished transaction").isEqualTo(2);
    }
}

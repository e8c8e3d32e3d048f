package org.needlepoint.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections to the records, kept open between transactions, each with the statements it prepared:
 * the embedded database's, and a joined PC's to the clinic server.
 *
 * <p>Embedded, H2's own pool ({@code JdbcConnectionPool}) rolls back each connection it lends, and H2
 * then forgets the statements the session had parsed (its query cache): every statement of every search,
 * save and booking was parsed again each time (a third of a booking's work, a fifth of what a search
 * allocated). Here a connection keeps its prepared statements, so each SQL is parsed once per connection.
 *
 * <p>Over the network every request waits for its answer (a round trip: on a
 * LAN with TLS, 0.2-0.5 ms, more than most of the searches' work on the server), and H2's own pool
 * ({@code JdbcConnectionPool}) spends three of them on each lending alone: a rollback when a
 * connection is handed out, a rollback and a switch back to auto-commit when it is returned. Here a
 * connection is returned as it is: rolled back only when a transaction left work pending, and kept with
 * auto-commit off after a transaction ended, for the next transaction ({@link #forTransaction}), so a
 * save spends no round trip on switching auto-commit; and {@code prepareStatement(sql)}
 * hands out the statement the connection prepared before for the same SQL (H2 prepares each statement
 * on the server: one round trip each time), closed again by the caller as usual.
 *
 * <p>H2's client prepares a statement again by itself (one round trip) once the server may have
 * forgotten it: after 64 further statements and results on that connection
 * ({@code h2.serverCachedObjects}). At most {@link #MAX_CONNECTIONS} connections are lent at once; a
 * caller waits up to {@link #WAIT_SECONDS} for one, as with H2's pool.
 */
final class ConnectionPool implements DataSource {
    /**
     * How a statement that commits begins (then what runs after the commit, e.g. {@code COMMIT; CALL NP_FLUSH()}):
     * once it ran, the borrower's transaction has ended and nothing is rolled back when the connection comes back.
     */
    static final String COMMITS = "COMMIT;";
    static final int MAX_CONNECTIONS = 16;

    /** Whether {@code sql} commits once it ran: it begins with {@link #COMMITS}, or has it after a first statement. */
    static boolean commits(String sql) {
        return sql.startsWith(COMMITS) || sql.contains("; " + COMMITS);
    }

    /** Statements kept per connection, the least recently used closed first. */
    static final int STATEMENTS = 64;
    static final int WAIT_SECONDS = 30;

    private final String url;
    private final String user;
    private final String password;
    /** What the connections reach, for messages: "the clinic server", "the database". */
    private final String what;
    private final Semaphore lendable = new Semaphore(MAX_CONNECTIONS, true);
    /** The idle connections in auto-commit, the most recently returned first (its statements are the likeliest still prepared). */
    private final Deque<Pooled> idle = new ConcurrentLinkedDeque<>();
    /** The idle connections a transaction left with auto-commit off and nothing pending, lent to transactions first. */
    private final Deque<Pooled> idleInTransactions = new ConcurrentLinkedDeque<>();
    private volatile boolean disposed;

    ConnectionPool(String url, String user, String password, String what) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.what = what;
    }

    /** Lends a connection, in auto-commit; closing it returns it. */
    @Override
    public Connection getConnection() throws SQLException {
        return lend(false);
    }

    /**
     * Lends a connection for a transaction: one a transaction left with auto-commit off if one is idle, so the
     * caller's {@code setAutoCommit(false)} costs no round trip (nor, later, switching it back on).
     */
    Connection forTransaction() throws SQLException {
        return lend(true);
    }

    private Connection lend(boolean transaction) throws SQLException {
        if (disposed) {
            throw new SQLException("The connections to " + what + " were closed.", "08003");
        }
        try {
            if (!lendable.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("Every connection to " + what + " stayed in use for " + WAIT_SECONDS + " s.",
                        "08001", 8001);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a connection to " + what + ".", "08001", e);
        }
        try {
            Pooled p = transaction ? firstOf(idleInTransactions, idle) : firstOf(idle, idleInTransactions);
            if (p == null) {
                p = new Pooled(DriverManager.getConnection(url, user, password));
            }
            return p.lend();
        } catch (SQLException | RuntimeException e) {
            lendable.release();
            throw e;
        }
    }

    private static Pooled firstOf(Deque<Pooled> preferred, Deque<Pooled> other) {
        Pooled p = preferred.pollFirst();
        return p != null ? p : other.pollFirst();
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
        throw new SQLFeatureNotSupportedException("a joined PC connects as its own account only");
    }

    /** Closes the idle connections; the lent ones close as they are returned. */
    void dispose() {
        disposed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Pooled p; (p = firstOf(idle, idleInTransactions)) != null; ) {
            p.closeQuietly();
        }
    }

    /** Takes back a lent connection; {@code pending}: work done since its transaction last ended (rolled back here). */
    private void giveBack(Pooled p, boolean pending) {
        try {
            if (!p.physical.isClosed() && p.manual && pending) {
                // a transaction left it unfinished: what it did not commit goes, as H2's pool does on every return
                p.physical.rollback();
            }
            if (disposed || p.physical.isClosed()) {
                p.closeQuietly();
            } else {
                (p.manual ? idleInTransactions : idle).addFirst(p);
                if (disposed) {
                    closeIdle();
                }
            }
        } catch (SQLException | RuntimeException e) {
            p.closeQuietly(); // the link broke meanwhile: a new connection next time
        } finally {
            lendable.release();
        }
    }

    /** One connection to the server and the statements it prepared, idle ones by SQL. */
    private final class Pooled {
        final Connection physical;
        /** Auto-commit is off on the server's side (H2's client sends every setAutoCommit: a round trip each). */
        boolean manual;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > STATEMENTS) {
                    ConnectionPool.closeQuietly(eldest.getValue());
                    return true;
                }
                return false;
            }
        };

        Pooled(Connection physical) {
            this.physical = physical;
        }

        Connection lend() {
            return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new Lent(this));
        }

        /**
         * A statement for {@code sql}: the one prepared before if it is idle, else a new one. {@code committed}: run
         * once the statement has run without an error (it commits), else null.
         */
        synchronized PreparedStatement prepare(String sql, Connection handle, Runnable committed) throws SQLException {
            PreparedStatement ps = statements.remove(sql);
            if (ps == null) {
                ps = physical.prepareStatement(sql);
            }
            PreparedStatement real = ps;
            return (PreparedStatement) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new Kept(this, sql, real, handle, committed));
        }

        /** A statement closed by its caller: kept for the next use of its SQL, its parameters cleared. */
        synchronized void keep(String sql, PreparedStatement ps) {
            try {
                ps.clearParameters();
            } catch (SQLException e) {
                ConnectionPool.closeQuietly(ps);
                return;
            }
            PreparedStatement other = statements.put(sql, ps);
            if (other != null && other != ps) {
                ConnectionPool.closeQuietly(other); // the same SQL was prepared twice at once: one is enough
            }
        }

        synchronized void closeQuietly() {
            statements.values().forEach(ConnectionPool::closeQuietly);
            statements.clear();
            try {
                physical.close();
            } catch (SQLException ignored) {
                // the link is gone already
            }
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // its connection is gone: nothing left on the server
        }
    }

    /**
     * A lent connection: closing it returns it to the pool; it then refuses every call. Auto-commit is switched
     * on the server only when it really changes: a transaction's {@code setAutoCommit(false)} on a connection a
     * transaction left that way costs nothing, and the connection goes back as it is unless work is pending.
     */
    private final class Lent implements InvocationHandler {
        private final Pooled pooled;
        private boolean returned;
        /** The borrower turned auto-commit off itself (a transaction), rather than reading in auto-commit. */
        private boolean transaction;
        /** Statements run since the last commit or rollback, while auto-commit is off. */
        private boolean pending;

        Lent(Pooled pooled) {
            this.pooled = pooled;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "close":
                    if (!returned) {
                        returned = true;
                        giveBack(pooled, pending);
                    }
                    return null;
                case "isClosed":
                    return returned || pooled.physical.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "lent " + pooled.physical;
                default:
                    break;
            }
            if (returned) {
                throw new SQLException("This connection was returned to the pool.", "08003");
            }
            boolean noArgs = args == null || args.length == 0;
            switch (m.getName()) {
                case "setAutoCommit":
                    autoCommit((Boolean) args[0]);
                    return null;
                case "getAutoCommit":
                    return !transaction; // as lent (auto-commit) until the borrower turns it off
                case "commit", "rollback":
                    if (noArgs) {
                        Object r = call(m, pooled.physical, args);
                        pending = false;
                        return r;
                    }
                    break;
                default:
                    break;
            }
            if (pooled.manual && !transaction) {
                // a reader was lent a transaction's connection: it reads in auto-commit, as lent
                pooled.physical.setAutoCommit(true);
                pooled.manual = false;
            }
            if (pooled.manual) {
                pending = true;
            }
            if (m.getName().equals("prepareStatement") && args.length == 1) {
                String sql = (String) args[0];
                // a statement that commits (Database's commit with the server's flush) ends the transaction once it ran:
                // nothing is left to roll back when the connection comes back (a round trip saved)
                return pooled.prepare(sql, (Connection) proxy, commits(sql) ? () -> pending = false : null);
            }
            return call(m, pooled.physical, args);
        }

        private void autoCommit(boolean on) throws SQLException {
            transaction = !on;
            if (on != !pooled.manual) {
                pooled.physical.setAutoCommit(on); // switching on commits what is pending, as JDBC says
                pooled.manual = !on;
                pending = false;
            }
        }
    }

    /** A prepared statement lent with a connection: closing it keeps it for the next use of its SQL. */
    private static final class Kept implements InvocationHandler {
        private final Pooled pooled;
        private final String sql;
        private final PreparedStatement real;
        private final Connection handle;
        private final Runnable committed;
        private boolean closed;

        Kept(Pooled pooled, String sql, PreparedStatement real, Connection handle, Runnable committed) {
            this.pooled = pooled;
            this.sql = sql;
            this.real = real;
            this.handle = handle;
            this.committed = committed;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "close":
                    if (!closed) {
                        closed = true;
                        pooled.keep(sql, real);
                    }
                    return null;
                case "isClosed":
                    return closed || real.isClosed();
                case "getConnection":
                    return handle;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return real.toString();
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("This statement is closed.", "HY010");
            }
            Object r = call(m, real, args);
            if (committed != null && m.getName().startsWith("execute")) {
                committed.run();
            }
            return r;
        }
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the server's address and its own timeouts decide (PinnedTls)
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}

package org.needlepoint.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lets another thread stop a read that is no longer wanted (a search the next keystroke replaced):
 * {@link #cancel()} cancels the statement running under this token ({@link java.sql.Statement#cancel})
 * and refuses to start any later one; the read then ends with {@link QueryCancelledException}.
 */
public final class Cancellation {
    /** H2's error for a statement cancelled while it ran. */
    static final int STATEMENT_CANCELLED = 57014;
    private boolean cancelled;
    private PreparedStatement running;

    /** Stops the statement running under this token, if any, and every later one. */
    public void cancel() {
        PreparedStatement ps;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            ps = running;
        }
        if (ps != null) {
            try {
                ps.cancel();
            } catch (SQLException ignored) {
                // already finished or closed: nothing left to stop
            }
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** True while a statement runs under this token (tests wait for it before cancelling). */
    synchronized boolean isRunning() {
        return running != null;
    }

    /** Throws {@link QueryCancelledException} once cancelled; long loops call it between statements. */
    public void check() {
        if (isCancelled()) {
            throw new QueryCancelledException();
        }
    }

    /**
     * Runs {@code ps}'s query where {@link #cancel()} can stop it. A cancellation that came too late to
     * stop the statement it was aimed at can leave H2's flag set on that (cached) statement, which
     * would then stop the next one with the same SQL: such a query, not cancelled through this token,
     * is run again.
     */
    public ResultSet executeQuery(PreparedStatement ps) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            synchronized (this) {
                if (cancelled) {
                    throw new QueryCancelledException();
                }
                running = ps;
            }
            try {
                return ps.executeQuery();
            } catch (SQLException e) {
                if (e.getErrorCode() != STATEMENT_CANCELLED) {
                    throw e;
                }
                if (isCancelled()) {
                    throw new QueryCancelledException();
                }
                if (attempt >= 2) {
                    throw e;
                }
            } finally {
                synchronized (this) {
                    running = null;
                }
            }
        }
    }
}

package org.needlepoint.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import javax.net.ssl.SSLException;

/**
 * The clinic server cannot be reached (stopped, the network down) or refused this PC. Its message
 * is for the person at the screen; nothing was half saved (a transaction either reached the server
 * whole and committed there, or not at all).
 */
public final class ServerUnreachableException extends StoreException {
    /** Said where a save failed because the server went away. */
    public static final String NOTHING_SAVED =
            "The clinic server is not reachable; nothing was saved. Your typing is kept.";
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_AT_SHUTDOWN = 90121;
    private static final int H2_WRONG_PASSWORD = 28000;
    private static final int H2_REMOTE_CONNECTION_NOT_ALLOWED = 90117;

    private final boolean refused;

    private ServerUnreachableException(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    /** True when the server answered and refused this PC (revoked, wrong certificate), false when it is away. */
    public boolean refused() {
        return refused;
    }

    /** The same failure, worded for a save. */
    ServerUnreachableException whileSaving() {
        return refused ? this : new ServerUnreachableException(NOTHING_SAVED, false, getCause());
    }

    /** True when {@code e} says the connection to the server is gone (not an SQL problem of the statement). */
    public static boolean isConnectionLost(SQLException e) {
        int code = e.getErrorCode();
        if (code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED || code == H2_AT_SHUTDOWN
                || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return code == H2_IO_EXCEPTION && hasNetworkCause(e);
    }

    /** True when the server refused this PC's account or its certificate is not the pinned one. */
    static boolean isRefusal(SQLException e) {
        return e.getErrorCode() == H2_WRONG_PASSWORD || find(e, PinnedTls.NotPinnedException.class) != null;
    }

    static ServerUnreachableException lost(ClinicLink link, SQLException e) {
        return new ServerUnreachableException("The clinic server (" + link.address() + ") is not reachable.", false, e);
    }

    /** Why connecting to the server failed, in one line a receptionist understands. */
    static ServerUnreachableException atConnect(ClinicLink link, SQLException e) {
        PinnedTls.NotPinnedException pin = find(e, PinnedTls.NotPinnedException.class);
        if (pin != null) {
            return new ServerUnreachableException(pin.getMessage(), true, e);
        }
        if (e.getErrorCode() == H2_WRONG_PASSWORD) {
            return new ServerUnreachableException("The clinic server (" + link.address() + ") no longer accepts this PC:"
                    + " it was removed from the clinic's PCs. Ask the administrator for a join code and join again.",
                    true, e);
        }
        if (e.getErrorCode() == H2_REMOTE_CONNECTION_NOT_ALLOWED) {
            return new ServerUnreachableException("The clinic server (" + link.address() + ") takes no connections from"
                    + " other PCs: start it with an address on the clinic's network (serve --bind).", true, e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new ServerUnreachableException("The clinic server's name " + link.host() + " is not known on this"
                    + " network. Check the address, or use the server's IP address.", false, e);
        }
        if (find(e, SSLException.class) != null && find(e, ConnectException.class) == null) {
            return new ServerUnreachableException("The clinic server (" + link.address() + ") did not complete a secure"
                    + " connection: " + Database.firstLine(String.valueOf(e.getMessage())), true, e);
        }
        if (isConnectionLost(e) || hasNetworkCause(e)) {
            return new ServerUnreachableException("The clinic server (" + link.address() + ") is not reachable. Check that"
                    + " the server PC is on and on the clinic's network, then try again.", false, e);
        }
        return new ServerUnreachableException("Cannot connect to the clinic server (" + link.address() + "): "
                + Database.firstLine(String.valueOf(e.getMessage())), false, e);
    }

    private static boolean hasNetworkCause(Throwable e) {
        return find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null
                || find(e, SocketTimeoutException.class) != null || find(e, SocketException.class) != null
                || find(e, java.io.EOFException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }
}

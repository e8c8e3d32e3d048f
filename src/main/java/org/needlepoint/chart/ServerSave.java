package org.needlepoint.chart;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.store.StaleRecordException;

/**
 * A joined PC's save of a draft as the clinic server runs it, in the server's process: H2 calls this function
 * ({@code CALL NP_SAVE_DRAFT(user, visit, version, draft)}; the server defines it at its start,
 * {@link ChartService#serveSaves}) on the calling PC's own connection and in its transaction, so the PC's rights
 * apply and the PC commits. A save is a dozen statements, each a round trip over the network when the PC sends
 * them: run here, it is one (see {@link ChartStore#saveDraftOnServer}), and the same code as an embedded save
 * ({@code ChartService.saveDraft}) makes it.
 *
 * <p>A refusal comes back to the PC as what it is: its kind in the SQL state, its messages in the text
 * ({@link #refusal}), so the injector reads the same words as on one PC.
 *
 * <p>Who saves is the account signed in on the PC, which the PC names: the server checks that it is active and
 * charts, and trusts the name as it trusts the PC's own statements (a joined PC's database user may write what its
 * rights allow, audit rows included; a PC that is not trusted is revoked, and its database user goes).
 */
public final class ServerSave {
    static final String SAVE_DRAFT = "NP_SAVE_DRAFT";
    private static final String INVALID = "NP400";
    private static final String DENIED = "NP403";
    private static final String STALE = "NP409";
    private static volatile ChartService served;

    private ServerSave() {
    }

    static void serve(ChartService charts) {
        served = charts;
    }

    /** {@code NP_SAVE_DRAFT}: the chart as saved, or the refusal as an SQL error of its own state. */
    public static String saveDraft(Connection c, long userId, long visitId, int version, String draft)
            throws SQLException {
        ChartService charts = served;
        if (charts == null) {
            throw new SQLException("This clinic server does not take charts' saves now; nothing was saved.");
        }
        ChartDraft d;
        try {
            d = ChartWire.draft(draft);
        } catch (IllegalArgumentException e) {
            throw new SQLException("The clinic server could not read the chart it was sent (" + e.getMessage()
                    + "); nothing was saved.");
        }
        try {
            return ChartWire.chart(charts.saveDraftFor(c, userId, visitId, version, d));
        } catch (ValidationException e) {
            throw new SQLException(ChartWire.messages(e.fieldErrors()), INVALID);
        } catch (StaleRecordException e) {
            throw new SQLException(ChartWire.messages(Map.of("", e.getMessage())), STALE);
        } catch (PermissionDeniedException e) {
            throw new SQLException(ChartWire.messages(Map.of("", e.getMessage())), DENIED);
        }
    }

    /** On the PC: the refusal the server's save sent, as it was thrown there; null for any other error. */
    static RuntimeException refusal(SQLException e) {
        String state = e.getSQLState();
        if (state == null || !state.startsWith("NP4")) {
            return null;
        }
        Map<String, String> messages;
        try {
            messages = ChartWire.messages(e.getMessage());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        String message = messages.getOrDefault("", "");
        return switch (state) {
            case INVALID -> new ValidationException(messages);
            case STALE -> new StaleRecordException(message);
            case DENIED -> new PermissionDeniedException(message);
            default -> null;
        };
    }
}

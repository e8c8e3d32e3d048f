package org.needlepoint.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The SQL checkout needs of its own: which of the day's visits are signed. */
public final class CheckoutStore {
    /** The ids among {@code visitIds} of the visits that are signed. */
    Set<Long> signedVisits(Connection c, Collection<Long> visitIds) throws SQLException {
        Set<Long> signed = new HashSet<>();
        if (visitIds.isEmpty()) {
            return signed;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM visit WHERE id = ANY(?) AND status = 'SIGNED'")) {
            ps.setObject(1, visitIds.toArray(new Long[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    signed.add(rs.getLong(1));
                }
            }
        }
        return signed;
    }
}

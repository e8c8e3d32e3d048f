package org.needlepoint.chart;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.needlepoint.security.User;

/**
 * Work that belongs to a signature and must commit or roll back with it: deducting the stock a
 * chart used, creating the follow-up tasks its treatment calls for. Called inside the signing
 * transaction, once per visit when it is signed ({@code points} = the visit's original points) and
 * once per addendum that adds points to a signed visit ({@code points} = just those). Throwing
 * refuses the signature or the addendum: nothing is saved.
 */
public interface SignedChartListener {
    void signed(Connection c, VisitChart chart, List<InjectionPoint> points, User by) throws SQLException;
}

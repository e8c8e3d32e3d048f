package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.needlepoint.security.User;

/**
 * The follow-up side of a lot recall, for the inventory's recall to call inside its own
 * transaction: a "call the patient" task (rule LOT_RECALL_CALL, due the day of the recall,
 * assigned as the rule says) for each patient treated from the lot. Calling it again for the same
 * lot and patients creates nothing new; each task created is audited.
 */
public final class RecallTasks {
    private final FollowUpPlanner planner;

    public RecallTasks(FollowUpPlanner planner) {
        this.planner = planner;
    }

    /**
     * Creates the recall calls for {@code patientIds} (duplicates ignored) and returns how many were
     * created. Throws {@link IllegalArgumentException} for an unknown lot. Runs in the caller's
     * transaction {@code c}; {@code by} is the person recalling the lot.
     */
    public int createRecallTasks(Connection c, long lotId, List<Long> patientIds, User by) throws SQLException {
        return planner.recallTasks(c, lotId, patientIds, by);
    }
}

package org.needlepoint.inventory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.needlepoint.security.User;

/**
 * Work that belongs to marking a lot recalled and must commit or roll back with it: the follow-up
 * feature creates a call task per affected patient here (and sets {@code recall_notice.task_created}).
 * Called inside the transaction of {@link InventoryService#markRecalled}, after the lot is RECALLED
 * and a {@code recall_notice} row exists for each patient; throwing refuses the recall.
 *
 * @param patientIds every patient with a point of the lot (signed visits and drafts), each once
 */
public interface LotRecallListener {
    void recalled(Connection c, Lot lot, List<Long> patientIds, User by) throws SQLException;
}

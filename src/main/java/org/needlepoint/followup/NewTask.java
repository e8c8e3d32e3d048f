package org.needlepoint.followup;

import java.time.LocalDate;
import org.needlepoint.common.Text;
import org.needlepoint.security.Role;

/**
 * A task added by hand. Exactly one of {@code assigneeRole} and {@code assigneeUserId}. The due
 * date may not be in the past; {@code earliest}, when given, is not after the due date. Only
 * INJECTOR and ADMIN accounts add {@code clinical} tasks.
 */
public record NewTask(long patientId, TaskKind kind, LocalDate due, LocalDate earliest, Role assigneeRole,
                      Long assigneeUserId, String reason, boolean clinical) {
    public static final int MAX_REASON = 500;

    public NewTask {
        reason = Text.clean(reason);
    }
}

package org.needlepoint.followup;

import java.time.Instant;

/** One attempt logged on a task: the outcome, a note, who and when. Append-only. */
public record CallAttempt(long id, long taskId, CallOutcome outcome, String note, long byId, String byName, Instant at) {
}

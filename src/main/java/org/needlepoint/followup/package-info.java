/**
 * Side-effect follow-ups: adverse events tied to a signed visit's points and lots, patients'
 * phoned-in reports, the urgent banner, protocol-driven follow-up tasks, the worklists, safety
 * signals. Tables: V5__followups.sql. The MedWatch-ready export is in
 * {@link org.needlepoint.report.ReportService#medWatchPdf} and {@code medWatchText}.
 *
 * <h2>For the screens</h2>
 * Every call below checks the signed-in role and throws
 * {@link org.needlepoint.security.PermissionDeniedException}; bad input throws
 * {@link org.needlepoint.common.ValidationException} with field names (the names used below);
 * a change to a record someone else saved since it was read throws
 * {@link org.needlepoint.store.StaleRecordException} naming them. Run the calls through
 * {@code Background}. Services: {@code services.adverseEvents()}, {@code services.followUps()}.
 *
 * <p><b>Adverse events</b> ({@link org.needlepoint.followup.AdverseEventService}; INJECTOR/ADMIN
 * unless said):
 * <ul>
 * <li>{@code recordEvent(AdverseEventDraft)}: from a signed visit's map, with the selected points'
 * keys; {@code AdverseEventDraft.start(patientId, visitId, keys, today)} gives a starting draft.
 * {@code problems(draft)} validates as the form is typed (fields: visit, points, onsetDate,
 * reportedOn, type, otherDescription, severity, serious, deathDate, description, actionsTaken,
 * relevantHistory, weightKg, outcome, outcomeDate).</li>
 * <li>{@code updateEvent(id, version, draft)} (from {@code event.toDraft()}),
 * {@code closeUrgent(id, version, note)}, {@code event(id)} (audited VIEW), {@code history(id)},
 * {@code patientEvents(patientId)}, {@code visitEvents(visitId)} (to mark events on a map).</li>
 * <li>Reports: {@code logPatientReport(patientId, text, phonedAt)} (any staff),
 * {@code patientReports(patientId)} (any staff), {@code recordEventFromReport(reportId, version,
 * draft)}, {@code dismissReport(reportId, version, note)}.</li>
 * <li>{@code reviewList()}: waiting reports, unresolved events, open urgent events.</li>
 * <li>Banner (any staff): {@code openUrgentEvents()} and {@code urgentChecklist()}.</li>
 * <li>Safety: {@code eventsBy(from, to, EventDimension)}, {@code signals(date)} (each
 * {@link org.needlepoint.followup.SafetySignal} carries the lot id for the lot's recall view).</li>
 * </ul>
 *
 * <p><b>Tasks and worklists</b> ({@link org.needlepoint.followup.FollowUpService}; any staff unless
 * said):
 * <ul>
 * <li>{@code frontDeskWorklist(date)}, {@code worklist(date, role)}: sections overdue, due today,
 * upcoming, each {@link org.needlepoint.followup.WorklistRow} with the task's id and version for
 * the one-click actions; {@code worklistCounts(date)} for the home screen.</li>
 * <li>{@code logCall(taskId, version, CallOutcome, note)}, {@code snooze(taskId, version, until)},
 * {@code assign(taskId, version, role, userId)}, {@code createTask(NewTask)};
 * {@code cancel(taskId, version, reason)}, {@code markMissed}, {@code complete} (clinical tasks:
 * INJECTOR/ADMIN). {@code task(id)}, {@code patientTasks(patientId)}, {@code attempts(taskId)}.</li>
 * <li>ADMIN: {@code rules()} (any staff reads), {@code updateRule(rule.with(...))},
 * {@code setRuleEnabled(id, version, on)}; {@code settings()}, {@code setUpcomingDays(n)},
 * {@code setSignalThreshold(events, days)}, {@code setUrgentChecklist(text)}.</li>
 * </ul>
 *
 * <p>Tasks are created by {@link org.needlepoint.followup.FollowUpPlanner} (a signed chart's
 * treatment, an event's grade) and by {@link org.needlepoint.followup.RecallTasks} (a lot recall),
 * inside the triggering transaction, never twice.
 */
package org.needlepoint.followup;

package org.needlepoint.followup;

/**
 * The clinic's follow-up settings: days the worklist looks ahead, the safety-signal threshold (at
 * least {@code signalEvents} events of one type with one lot within {@code signalDays} days), and
 * the action checklist shown on the urgent banner.
 */
public record FollowUpSettings(int upcomingDays, int signalEvents, int signalDays, String urgentChecklist) {
    public static final String UPCOMING_DAYS = "followup.upcoming.days";
    public static final String SIGNAL_EVENTS = "followup.signal.events";
    public static final String SIGNAL_DAYS = "followup.signal.days";
    public static final String URGENT_CHECKLIST = "followup.urgent.checklist";

    public static final int DEFAULT_UPCOMING_DAYS = 7;
    public static final int DEFAULT_SIGNAL_EVENTS = 3;
    public static final int DEFAULT_SIGNAL_DAYS = 30;
    public static final int MAX_CHECKLIST = 2000;

    /**
     * The default checklist: what the clinic's staff do, in order, when an urgent event happens or a
     * patient phones with its signs. Deliberately without doses: those are the clinic's protocol.
     */
    public static final String DEFAULT_URGENT_CHECKLIST = """
            1. Stop injecting at once. Stay with the patient and call the treating injector (or the clinic's medical lead) to the chair now.
            2. Vision change or loss, eye pain, or difficulty breathing, swallowing or speaking: call emergency services now. If the patient is on the phone, tell them to call emergency services now, then tell the injector.
            3. Suspected vascular occlusion (blanching, mottled or dusky skin, severe pain): the injector starts the clinic's vascular-occlusion protocol at once, including hyaluronidase per protocol for hyaluronic-acid filler. Bring the emergency kit to the chair.
            4. Suspected spread of toxin (drooping eyelids, double vision, weakness, slurred speech, trouble swallowing or breathing, hours to weeks after treatment): the injector assesses the patient the same day; breathing or swallowing difficulty means emergency services now.
            5. Write down the time of every step. Keep the vial or syringe and note its lot.
            6. Record the event in Needlepoint, and close this alert only once the patient is safe and the follow-up is planned.""";

    public static FollowUpSettings defaults() {
        return new FollowUpSettings(DEFAULT_UPCOMING_DAYS, DEFAULT_SIGNAL_EVENTS, DEFAULT_SIGNAL_DAYS,
                DEFAULT_URGENT_CHECKLIST);
    }
}

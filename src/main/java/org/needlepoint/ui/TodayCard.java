package org.needlepoint.ui;

/**
 * A controller whose view is one card on the Today (home) screen: stock alerts, follow-up counts,
 * backup status, ... Each feature supplies its own card; {@link TodayController} lays them out and
 * asks them to {@link #refresh()} whenever the screen is shown. A card with nothing to say for the
 * signed-in user hides itself.
 */
public interface TodayCard {
    /** Reloads the card's figures (off the FX thread, through the card's services). */
    void refresh();

    /**
     * A card of the day's work (the appointments, the calls to make): shown in the wide first column.
     * The other cards (stock, follow-ups, backups) stack in the column beside it, or below it on a narrow screen.
     */
    default boolean wide() {
        return false;
    }
}

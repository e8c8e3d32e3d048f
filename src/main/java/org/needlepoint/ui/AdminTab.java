package org.needlepoint.ui;

/** A controller whose view is one tab of the Admin section ({@link Screens#adminTab}). */
public interface AdminTab {
    /** Reads its records again: called whenever the tab is shown, so it includes what others just did. */
    void refresh();
}

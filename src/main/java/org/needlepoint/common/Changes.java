package org.needlepoint.common;

import java.util.Set;

/**
 * Where the screens learn that shared records changed, on this PC or another: by topic ("patient",
 * "followup", ...; the topics are named in {@code store.ChangeFeed}). The change feed implements it;
 * {@code ui.LiveRefresh} follows it for a list on screen.
 */
public interface Changes {
    /** Follows nothing: no callback ever comes (screens built without a feed, such as some tests'). */
    Changes NONE = new Changes() {
        @Override
        public Subscription subscribe(Set<String> topics, Runnable onChange) {
            return () -> { };
        }

        @Override
        public long version(Set<String> topics) {
            return 0;
        }
    };

    /**
     * Calls {@code onChange} after records of any of {@code topics} changed: at most once per look at
     * the records however many changes it found, on a thread of the feed's (never the FX thread), until
     * the subscription is closed.
     */
    Subscription subscribe(Set<String> topics, Runnable onChange);

    /**
     * A number that grows whenever a change of any of {@code topics} is seen (or everything may have
     * changed: the records came back after being out of reach, or were replaced): equal numbers mean no
     * change of theirs was seen in between.
     */
    long version(Set<String> topics);

    /** A subscription; closing it stops its callbacks. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

package org.needlepoint.photo;

import java.time.Clock;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/** The photo feature's screens: the Photos tab of a patient's record, and its Compare view. */
public final class PhotoViews {
    private PhotoViews() {
    }

    public static void register(Screens screens, Background background, PhotoService photos, Clock clock) {
        screens.register(PhotosController.class, () -> new PhotosController(photos, background, screens.changes(),
                        clock.getZone()))
                .register(CompareController.class, () -> new CompareController(photos, background, clock.getZone()));
    }
}

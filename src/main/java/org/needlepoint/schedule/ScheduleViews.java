package org.needlepoint.schedule;

import org.needlepoint.inventory.InventoryService;
import org.needlepoint.patient.PatientService;
import org.needlepoint.ui.Background;
import org.needlepoint.ui.Screens;

/** The appointment book's screens: the book page (the window's Book section). */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    public static void register(Screens screens, Background background, AppointmentService appointments,
                                PatientService patients, InventoryService inventory) {
        screens.register(BookController.class, () -> new BookController(appointments, patients, inventory, background,
                screens.changes()));
    }
}

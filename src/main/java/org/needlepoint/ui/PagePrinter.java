package org.needlepoint.ui;

import java.awt.image.BufferedImage;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The clinic's printer, as the screens that print page images see it: whether this PC has a printer
 * at all, the system's print dialog, then one image per page. {@link #SYSTEM} is JavaFX's printing
 * ({@link FxPagePrinter}); headless tests, which have no printer, hand in one that keeps the pages.
 */
public interface PagePrinter {
    /** JavaFX's printing on this PC's printers. */
    PagePrinter SYSTEM = new FxPagePrinter();

    /** Whether a printer is installed on this PC. */
    boolean installed();

    /**
     * Asks the person which printer, paper and copies with the system's print dialog over {@code owner}
     * (on the FX thread); empty when they cancel it or no printer can take a job.
     */
    Optional<Job> begin(Window owner, String jobName);

    /** A print job the person has set up: its printable area and resolution, and its pages. */
    interface Job {
        /** The printable width of the chosen paper, in points (1/72 inch). */
        double printableWidth();

        /** The printable height of the chosen paper, in points. */
        double printableHeight();

        /** The printer's resolution in dots per inch. */
        int dpi();

        /** The printer's name, as the person knows it. */
        String printerName();

        /**
         * Prints one page: {@code image} drawn {@code widthPoints} by {@code heightPoints} at the top left of the
         * printable area. May be called on any thread but the FX thread's work stays small. False: the printer refused it.
         */
        boolean page(BufferedImage image, double widthPoints, double heightPoints);

        /** Ends the job and sends it; false when the printer did not take it. */
        boolean end();

        /** Drops the job (nothing more is printed). */
        void cancel();
    }
}

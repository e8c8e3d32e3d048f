package org.needlepoint.testing;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;
import org.needlepoint.ui.PagePrinter;

/**
 * A printer for headless runs, which have none: the print dialog answered at once with A4 paper's
 * printable area (half-inch margins) at a resolution of the test's choosing, and every page kept.
 * The seam of the hardware, not a stand-in for anything of ours: the pages are rendered as for a real printer.
 */
public final class CollectingPrinter implements PagePrinter {
    /** A4 less half-inch margins, in points. */
    public static final double WIDTH = 595 - 72;
    public static final double HEIGHT = 842 - 72;

    public record Printed(BufferedImage image, double widthPoints, double heightPoints) {
    }

    public final List<Printed> pages = new CopyOnWriteArrayList<>();
    public final int dpi;
    public final int refuseFromPage;
    public volatile boolean ended;
    public volatile boolean cancelled;
    public volatile int dialogs;

    /** A printer that takes every page. */
    public CollectingPrinter(int dpi) {
        this(dpi, Integer.MAX_VALUE);
    }

    /** A printer that refuses page {@code refuseFromPage} (1-based) and those after it. */
    public CollectingPrinter(int dpi, int refuseFromPage) {
        this.dpi = dpi;
        this.refuseFromPage = refuseFromPage;
    }

    @Override
    public boolean installed() {
        return true;
    }

    @Override
    public Optional<Job> begin(Window owner, String jobName) {
        dialogs++;
        return Optional.of(job());
    }

    public Job job() {
        return new Job() {
            @Override
            public double printableWidth() {
                return WIDTH;
            }

            @Override
            public double printableHeight() {
                return HEIGHT;
            }

            @Override
            public int dpi() {
                return dpi;
            }

            @Override
            public String printerName() {
                return "Front desk laser";
            }

            @Override
            public boolean page(BufferedImage image, double widthPoints, double heightPoints) {
                if (pages.size() + 1 >= refuseFromPage) {
                    return false;
                }
                pages.add(new Printed(image, widthPoints, heightPoints));
                return true;
            }

            @Override
            public boolean end() {
                ended = true;
                return true;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        };
    }

    /** The share of a page's pixels that are not white. */
    public static double inked(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n / (double) ((long) image.getWidth() * image.getHeight());
    }
}

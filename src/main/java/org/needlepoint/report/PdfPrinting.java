package org.needlepoint.report;

import org.needlepoint.ui.PagePrinter;

/**
 * A PDF sent to a print job the person set up: each page rendered by {@link PrintPages} at the job's
 * resolution and fitted to its printable area, one page of the job per page of the PDF. Runs off the FX
 * thread (rendering a page at printer resolution takes a moment).
 */
public final class PdfPrinting {
    private PdfPrinting() {
    }

    /** What was printed: the pages handed to the printer, of how many, and whether the printer took the job. */
    public record Result(int printed, int pages, boolean sent) {
    }

    public static Result print(byte[] pdf, PagePrinter.Job job) {
        PrintPages.Area area = new PrintPages.Area(job.printableWidth(), job.printableHeight(), job.dpi());
        int[] pages = {0};
        int printed = PrintPages.render(pdf, area, p -> {
            pages[0] = p.of();
            return job.page(p.image(), p.widthPoints(), p.heightPoints());
        });
        if (printed < pages[0]) {
            job.cancel();
            return new Result(printed, pages[0], false);
        }
        return new Result(printed, pages[0], job.end());
    }
}

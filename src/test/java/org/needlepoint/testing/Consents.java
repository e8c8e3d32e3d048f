package org.needlepoint.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.needlepoint.app.Services;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.schedule.SignedConsent;
import org.needlepoint.schedule.Signature;

/**
 * Signed consents for tests that sign charts: since issue 13 a chart is signed only with a valid signed
 * consent on file for each kind of product charted, as a real clinic has the patient sign at check-in.
 */
public final class Consents {
    private Consents() {
    }

    /** A plausible drawn signature on a 600 x 220 pad: a loop, a wave and an underline. */
    public static Signature signature() {
        List<List<Signature.Point>> strokes = new ArrayList<>();
        List<Signature.Point> loop = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            double t = i / 20.0 * 2 * Math.PI;
            loop.add(new Signature.Point(80 + (int) (25 * Math.sin(t)), 100 - (int) (40 * Math.cos(t))));
        }
        strokes.add(loop);
        List<Signature.Point> wave = new ArrayList<>();
        for (int x = 0; x <= 300; x += 6) {
            wave.add(new Signature.Point(120 + x, 130 - (int) (20 * Math.abs(Math.sin(x / 12.0)))));
        }
        strokes.add(wave);
        strokes.add(List.of(new Signature.Point(70, 160), new Signature.Point(440, 158)));
        return new Signature(600, 220, strokes);
    }

    /**
     * Has the patient sign, now and witnessed by whoever is signed in on {@code s}, the treatment consents
     * (toxin, HA filler, Sculptra) that are not valid today; returns what was signed.
     */
    public static List<SignedConsent> onFile(Services s, long patientId) {
        Set<ConsentKind> missing = s.consents().validConsentFor(patientId, EnumSet.allOf(ProductKind.class),
                s.consents().today()).missing();
        return missing.isEmpty() ? List.of() : s.consents().sign(patientId, missing, signature(), null);
    }
}

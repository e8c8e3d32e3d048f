package org.needlepoint.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.needlepoint.app.Services;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;

/**
 * {@code seed-demo}: a deterministic synthetic clinic in an empty data folder. Names are built
 * from invented syllables, phones use the unassigned 555 area code and emails example.* domains,
 * so nothing here can be a real person. Staff passwords are random and printed once.
 * {@link DemoCharts} then adds lots and charted, signed visits for some of the first patients, and
 * {@link DemoPhotos} drawn before-and-after photos of a few of them.
 */
public final class SeedDemo {
    private static final String[] FEMALE = {"Ava", "Zoë", "Renée", "Maya", "Lena", "Iris", "Nora", "Chloé", "Sofia",
        "Ines", "Clara", "Hana", "Mila", "Elise", "Noémie", "Tara", "Vera", "Aiko", "Rosa", "Lucía"};
    private static final String[] MALE = {"Leo", "José", "Omar", "Felix", "Jonas", "Mateo", "Nils", "Arjun", "Hugo",
        "Emil", "Théo", "Kai", "Ravi", "Otto", "Luca"};
    private static final String[] ONSET = {"Bal", "Cor", "Dro", "Fen", "Gar", "Hol", "Kes", "Lin", "Mor", "Nev", "Pel",
        "Quor", "Ras", "Sel", "Tov", "Var", "Wen", "Yor", "Zan", "Brel"};
    private static final String[] CODA = {"bury", "wick", "ton", "more", "dell", "stad", "ovic", "ando", "etti", "son",
        "ière", "ley", "mark", "ström", "holt"};
    private static final String[] STREETS = {"Lindenfield", "Marrow", "Quillby", "Hawthorne", "Sable", "Tamsin"};
    private static final String[] ALLERGIES = {null, null, null, null, "Lidocaine", "Penicillin", "Latex",
        "Cow's milk protein", "Sulfa drugs", "Egg"};
    private static final String[] MEDICATIONS = {null, null, null, "Aspirin 81 mg daily", "Fish oil",
        "Warfarin 5 mg", "Levothyroxine 50 mcg", "Ibuprofen as needed", "Vitamin E"};
    private static final String[] CONDITIONS = {null, null, null, null, "Cold-sore history", "Keloid scarring",
        "Hypothyroidism", "Myasthenia gravis", "Rheumatoid arthritis (immunosuppressed)"};

    private final PrintStream out;
    private final PrintStream err;

    SeedDemo(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Services s, int patients, long seed) {
        if (s.clinic().isSetUp()) {
            err.println("seed-demo needs an empty data folder, and " + s.db().folder()
                    + " already holds a clinic. Use --data with a new folder.");
            return 1;
        }
        Random rnd = new Random(seed);
        SecureRandom secure = new SecureRandom();
        String adminPw = password(secure);
        String injectorPw = password(secure);
        String deskPw = password(secure);
        s.clinic().setUp(new Clinic("Demo Aesthetics Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                new UserDraft("admin", "Demo Administrator", Role.ADMIN, null, null),
                adminPw.toCharArray(), adminPw.toCharArray());
        s.auth().signIn("admin", adminPw.toCharArray());
        DemoCharts.Result charted;
        DemoFollowUps.Result followed;
        DemoAppointments.Result booked;
        DemoPhotos.Result photographed;
        s.db().bulkLoad(true); // thousands of saves in a row: written every half second, flushed at the end
        try {
            s.users().create(new UserDraft("injector", "Demo Injector", Role.INJECTOR, "NP", "DEMO-NP-0001"),
                    injectorPw.toCharArray(), injectorPw.toCharArray());
            s.users().create(new UserDraft("frontdesk", "Demo Front Desk", Role.FRONT_DESK, null, null),
                    deskPw.toCharArray(), deskPw.toCharArray());
            LocalDate today = s.patients().today();
            List<Patient> first = new ArrayList<>();
            for (int i = 0; i < patients; i++) {
                Patient p = s.patients().create(patient(rnd, today), true);
                if (first.size() < DemoCharts.CHARTED_PATIENTS) {
                    first.add(p);
                }
                if (patients >= 10_000 && (i + 1) % 10_000 == 0) {
                    out.println("  " + (i + 1) + " patients...");
                }
            }
            charted = new DemoCharts(s, rnd).seed(first, injectorPw.toCharArray(), adminPw.toCharArray());
            followed = new DemoFollowUps(s, rnd).seed(first, charted.signed(), injectorPw.toCharArray(),
                    deskPw.toCharArray());
            booked = new DemoAppointments(s, rnd).seed(first, adminPw.toCharArray(), deskPw.toCharArray());
            photographed = new DemoPhotos(s, rnd).seed(first, charted.signed(), injectorPw.toCharArray());
        } finally {
            s.db().bulkLoad(false);
            s.auth().signOut();
        }
        out.println("Demo clinic created in " + s.db().folder() + " with " + patients + " synthetic patients.");
        out.println(charted.visits() == 0 ? "Charted history: no visits; " + charted.lots() + " lots in stock."
                : "Charted history: " + charted.visits() + " visits of " + charted.patients() + " patients ("
                + charted.points() + " injection points, " + charted.addenda() + " addenda; all signed by the demo"
                + " injector but one draft left open today), " + charted.lots() + " lots in stock; "
                + charted.consents() + " consents signed on the pad before treatment.");
        out.println("Stock: " + charted.receipts() + " receipts, " + charted.vials() + " reconstituted vials; lot "
                + charted.recalledLot() + " recalled (" + charted.recallNotices() + " patient(s) to call), one lot"
                + " quarantined. Packs scan with the catalogue's synthetic GTINs (prefix 020999900).");
        if (followed.events() + followed.tasks().size() > 0) {
            out.println("Follow-ups: " + followed.events() + " adverse events (" + followed.openUrgent()
                    + " urgent alert open), " + followed.reports() + " patients' reports, tasks "
                    + followed.tasks().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().toString()
                    .toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "))
                    + " (" + followed.snoozed() + " snoozed).");
        }
        out.println("Appointment book: " + booked.rooms() + " rooms, opening hours Mon-Fri 09:00-18:00 and Sat 09:00-14:00; "
                + booked.appointments() + " appointments over the two weeks around today ("
                + booked.byStatus().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()
                .toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "))
                + "), " + booked.calls() + " confirmation calls; " + booked.checkedIn() + " of today's patients checked in"
                + " at the desk, each with a visit draft for the injector.");
        if (photographed.photos() > 0) {
            out.println("Photos: " + photographed.photos() + " synthetic drawn photos of " + photographed.patients()
                    + " patients with photography consent (five views before each visit, the front after it; pupils"
                    + " marked on " + photographed.marked() + " front views).");
        }
        out.println("Staff accounts (passwords are shown only this once):");
        out.println("  admin      " + adminPw + "   (Administrator)");
        out.println("  injector   " + injectorPw + "   (Injector)");
        out.println("  frontdesk  " + deskPw + "   (Front desk)");
        return 0;
    }

    /** One synthetic patient; the same seed always gives the same clinic. */
    public static PatientDetails patient(Random rnd, LocalDate today) {
        boolean female = rnd.nextInt(100) < 82;
        String first = female ? pick(rnd, FEMALE) : pick(rnd, MALE);
        String last = pick(rnd, ONSET) + pick(rnd, CODA);
        if (rnd.nextInt(12) == 0) {
            last = last + "-" + pick(rnd, ONSET) + pick(rnd, CODA);
        }
        LocalDate birth = today.minusYears(19 + rnd.nextInt(55)).minusDays(rnd.nextInt(365));
        String mobile = String.format("(555) %03d-%04d", 200 + rnd.nextInt(800), rnd.nextInt(10_000));
        String email = rnd.nextInt(5) == 0 ? null : (ascii(first) + "." + ascii(last) + rnd.nextInt(100) + "@example."
                + pick(rnd, new String[] {"com", "org", "net"}));
        Pregnancy preg = !female ? Pregnancy.NOT_APPLICABLE
                : switch (rnd.nextInt(40)) {
                    case 0 -> Pregnancy.BREASTFEEDING;
                    case 1 -> Pregnancy.PREGNANT;
                    case 2, 3, 4 -> Pregnancy.UNKNOWN;
                    default -> Pregnancy.NO;
                };
        return new PatientDetails(first, rnd.nextInt(4) == 0 ? pick(rnd, female ? FEMALE : MALE) : null, last,
                rnd.nextInt(10) == 0 ? first.substring(0, Math.min(3, first.length())) : null,
                birth, female ? Sex.FEMALE : Sex.MALE, mobile,
                rnd.nextInt(6) == 0 ? String.format("555-%03d-%04d", 200 + rnd.nextInt(800), rnd.nextInt(10_000)) : null,
                email, (1 + rnd.nextInt(400)) + " " + pick(rnd, STREETS) + " Road", "Demo Town", "DT",
                String.format("%05d", rnd.nextInt(100_000)),
                pick(rnd, ONSET) + pick(rnd, CODA) + " (demo contact)",
                String.format("(555) %03d-%04d", 200 + rnd.nextInt(800), rnd.nextInt(10_000)), "Partner",
                pick(rnd, ALLERGIES), pick(rnd, MEDICATIONS), pick(rnd, CONDITIONS), preg,
                rnd.nextBoolean(), rnd.nextInt(3) == 0, rnd.nextInt(25) == 0 ? "Prefers text messages, not calls" : null,
                null);
    }

    private static String ascii(String s) {
        return org.needlepoint.common.Text.fold(s).replaceAll("[^a-z]", "");
    }

    private static String pick(Random rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String password(SecureRandom r) {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}

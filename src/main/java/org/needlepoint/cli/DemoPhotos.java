package org.needlepoint.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.needlepoint.app.Services;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.Sex;
import org.needlepoint.photo.ImportOutcome;
import org.needlepoint.photo.ImportRequest;
import org.needlepoint.photo.Moment;
import org.needlepoint.photo.Photo;
import org.needlepoint.photo.PhotoService;
import org.needlepoint.photo.PhotoTarget;
import org.needlepoint.photo.Pose;

/**
 * seed-demo's clinical photos, drawn by {@link DemoFaces} (never real photographs): for the first
 * {@link #PHOTOGRAPHED_PATIENTS} charted patients with two or more signed visits and photography consent at the
 * visit, each visit gets the five face views before the treatment and a front view after it (with the fresh
 * injection marks), imported through the photo service as the injector at the visit's time; the front views'
 * pupils are marked where they were drawn. From visit to visit the head's tilt, place and the light change a
 * little, Sculptra patients' cheeks fill out, and toxin patients' frown lines soften, so Compare and the
 * alignment show something. An adverse event of a photographed patient gets a follow-up front photo.
 * Photos are 800 x 1000 JPEGs, so seed-demo stays fast.
 */
final class DemoPhotos {
    static final int PHOTOGRAPHED_PATIENTS = 3;
    static final int WIDTH = 800;
    private static final Pose[] BEFORE = {Pose.FRONT, Pose.LEFT_OBLIQUE, Pose.RIGHT_OBLIQUE, Pose.LEFT_PROFILE,
        Pose.RIGHT_PROFILE};

    private final SeedClock clock;
    private final Services services;
    private final PhotoService photos;
    private final Random rnd;

    /** What was seeded: photos imported, of how many patients, and how many had their pupils marked. */
    record Result(int photos, int patients, int marked) {
    }

    DemoPhotos(Services s, Random rnd) {
        this.clock = new SeedClock(s.clock().instant(), s.clock().getZone());
        this.services = s.withClock(clock);
        this.photos = services.photos();
        this.rnd = rnd;
    }

    /** Photographs the visits of some of {@code patients} among {@code signed}; leaves nobody signed in. */
    Result seed(List<Patient> patients, List<VisitChart> signed, char[] injectorPassword) {
        Map<Long, List<VisitChart>> byPatient = new LinkedHashMap<>();
        for (VisitChart v : signed) {
            byPatient.computeIfAbsent(v.visit().patientId(), k -> new ArrayList<>()).add(v);
        }
        int[] counts = new int[3];
        services.auth().signIn("injector", injectorPassword);
        try {
            for (Patient p : patients) {
                List<VisitChart> visits = byPatient.getOrDefault(p.id(), List.of());
                if (counts[1] >= PHOTOGRAPHED_PATIENTS) {
                    break;
                }
                if (visits.size() < 2) {
                    continue;
                }
                if (photograph(p, visits, counts)) {
                    counts[1]++;
                }
            }
        } finally {
            services.auth().signOut();
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    private boolean photograph(Patient p, List<VisitChart> visits, int[] counts) {
        DemoFaces.Sitter who = DemoFaces.Sitter.random(rnd, p.details().sex() == Sex.FEMALE);
        boolean sculptra = visits.stream().anyMatch(v -> treats(v, Region.MALAR) || treats(v, Region.TEMPLE));
        List<PhotoTarget> targets = photos.targets(p.id());
        boolean any = false;
        for (int i = 0; i < visits.size(); i++) {
            VisitChart v = visits.get(i);
            Instant start = v.visit().startedAt();
            clock.set(start.plus(Duration.ofMinutes(5)));
            if (!photos.hasConsent(p.id())) {
                continue; // no photography consent that day: no photo
            }
            PhotoTarget target = targets.stream().filter(t -> Long.valueOf(v.visit().id()).equals(t.visitId()))
                    .findFirst().orElseThrow();
            double progress = visits.size() == 1 ? 0 : i / (double) (visits.size() - 1);
            double cheeks = sculptra ? 0.1 + 0.8 * progress : 0.45;
            double lines = sculptra ? 0.5 : (i == 0 ? 0.9 : 0.35);
            double lips = 0.3 + rnd.nextDouble() * 0.2;
            DemoFaces.Sitting before = sitting(cheeks, lips, lines, DemoFaces.Marks.NONE);
            for (Pose pose : BEFORE) {
                counts[0] += take(p, target, pose, Moment.BEFORE, who, before, "v" + (i + 1) + "-before", counts);
            }
            clock.set(start.plus(Duration.ofMinutes(40)));
            DemoFaces.Marks marks = sculptra ? DemoFaces.Marks.TEMPLES_AND_CHEEKS : DemoFaces.Marks.UPPER_FACE;
            DemoFaces.Sitting after = sitting(cheeks, lips, lines, marks);
            counts[0] += take(p, target, Pose.FRONT, Moment.AFTER, who, after, "v" + (i + 1) + "-after", counts);
            any = true;
        }
        if (!any) {
            return false;
        }
        for (PhotoTarget t : targets) {
            if (t.adverseEventId() != null) {
                clock.set(t.when().plus(Duration.ofHours(30)));
                if (photos.hasConsent(p.id())) {
                    DemoFaces.Sitting seen = sitting(sculptra ? 0.6 : 0.45, 0.4, 0.4, DemoFaces.Marks.NONE);
                    counts[0] += take(p, t, Pose.FRONT, Moment.FOLLOW_UP, who, seen, "event", counts);
                }
                break;
            }
        }
        return true;
    }

    private DemoFaces.Sitting sitting(double cheeks, double lips, double lines, DemoFaces.Marks marks) {
        return new DemoFaces.Sitting(rnd.nextGaussian() * 2.2, rnd.nextGaussian() * 18, rnd.nextGaussian() * 14,
                0.94 + rnd.nextDouble() * 0.12, rnd.nextDouble() * 2 - 1, 0.9 + rnd.nextDouble() * 0.15, cheeks, lips,
                lines, marks);
    }

    private int take(Patient p, PhotoTarget target, Pose pose, Moment moment, DemoFaces.Sitter who,
                     DemoFaces.Sitting s, String name, int[] counts) {
        DemoFaces.Drawn d = DemoFaces.draw(pose, who, s, WIDTH);
        String file = "chart" + p.chartNumber() + "-" + name + "-" + pose.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-') + ".jpg";
        ImportOutcome out = photos.importBytes(new ImportRequest(p.id(), target, pose, null, moment), file, d.jpeg());
        if (out.imported().isEmpty()) {
            return 0;
        }
        Photo photo = out.imported().get(0);
        if (d.pupils() != null) {
            photos.markPupils(photo.id(), 0, d.pupils());
            counts[2]++;
        }
        return 1;
    }

    private static boolean treats(VisitChart v, Region r) {
        return v.points().stream().map(InjectionPoint::region).anyMatch(x -> x == r);
    }
}

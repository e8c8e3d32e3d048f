package org.needlepoint.cli;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;
import org.needlepoint.photo.ImportRequest;
import org.needlepoint.photo.Moment;
import org.needlepoint.photo.PhotoTarget;
import org.needlepoint.photo.Pose;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.Database;

/**
 * bench's photos part, the clinic's side: synthetic 12-megapixel JPEGs drawn by {@link DemoFaces} with a
 * sensor-like grain (so they compress as a photo does, not as a flat drawing), made distinct files cheaply by a
 * JPEG comment segment numbering each copy (a new hash, the same pixels), and a clinic with a patient who has
 * photography consent and a visit to attach them to. {@link BenchPhotosFx} imports them in the real Photos tab.
 */
final class BenchPhotos {
    /** 3100 x 3875 = 12.0 megapixels. */
    static final int WIDTH_12MP = 3100;
    static final int IMPORTED = 50;
    static final int BACKED_UP = 2000;
    static final int DRAWINGS = 5;
    static final double FRAME_TARGET_MS = 100;
    static final double COMPARE_TARGET_MS = 300;

    /** A clinic made for the photos part: who signs in and the patient photographed. */
    record PhotoClinic(String username, String password, long patientId, PhotoTarget visit) {
    }

    private BenchPhotos() {
    }

    /** Sets up a clinic in the empty {@code data} folder: its admin, one patient with photography consent, one visit. */
    static PhotoClinic setUp(Path data, String password) {
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.clinic().setUp(new Clinic("Bench Photos Clinic", "1 Example Way", "(555) 010-0100", 0),
                    new UserDraft(Bench.ADMIN, "Bench Administrator", Role.ADMIN, null, null), password.toCharArray(),
                    password.toCharArray());
            s.auth().signIn(Bench.ADMIN, password.toCharArray());
            Patient p = s.patients().create(new PatientDetails("Ava", null, "Benchley", null,
                    java.time.LocalDate.of(1985, 4, 5), Sex.FEMALE, "(555) 201-0000", null, null, null, null, null, null,
                    null, null, null, null, null, null, Pregnancy.NO, true, false, null, null, null, null), true);
            long admin = s.session().require().id();
            long visit = db.tx(c -> new ChartStore().insertVisit(c, p.id(), admin, s.clock().instant()));
            PhotoTarget t = s.photos().targets(p.id()).stream().filter(x -> Long.valueOf(visit).equals(x.visitId()))
                    .findFirst().orElseThrow();
            s.auth().signOut();
            return new PhotoClinic(Bench.ADMIN, password, p.id(), t);
        }
    }

    /** {@code n} different 12 MP front views (tilt, light, volume), with grain, as JPEGs. */
    static List<byte[]> drawings(int n, long seed) {
        Random rnd = new Random(seed);
        DemoFaces.Sitter who = DemoFaces.Sitter.random(rnd, true);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DemoFaces.Sitting s = new DemoFaces.Sitting(rnd.nextGaussian() * 2, rnd.nextGaussian() * 15,
                    rnd.nextGaussian() * 10, 0.95 + rnd.nextDouble() * 0.1, rnd.nextDouble() * 2 - 1,
                    0.9 + rnd.nextDouble() * 0.15, i / (double) Math.max(1, n - 1), 0.4, 0.5, DemoFaces.Marks.NONE);
            BufferedImage img = DemoFaces.render(Pose.FRONT, who, s, WIDTH_12MP);
            grain(img, rnd.nextLong());
            out.add(jpeg(img));
        }
        return out;
    }

    /** Adds a sensor-like noise of +-8 levels to every pixel. */
    private static void grain(BufferedImage img, long seed) {
        Random r = new Random(seed);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int n = r.nextInt(17) - 8;
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 255) + n) << 16) | (clamp(((p >> 8) & 255) + n) << 8) | clamp((p & 255) + n);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jpeg} with a comment segment (FF FE) naming copy {@code k} right after its start: another file, same photo. */
    static byte[] numbered(byte[] jpeg, int k) {
        byte[] text = ("bench photo " + k).getBytes(StandardCharsets.US_ASCII);
        int len = text.length + 2;
        byte[] out = new byte[jpeg.length + 2 + len];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (len >> 8);
        out[5] = (byte) len;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }

    /** Writes copies {@code from}..{@code from + count - 1} of the drawings into {@code folder}; returns its bytes. */
    static long writeFiles(Path folder, List<byte[]> drawings, int from, int count) {
        try {
            Files.createDirectories(folder);
            long bytes = 0;
            for (int k = from; k < from + count; k++) {
                byte[] f = numbered(drawings.get(k % drawings.size()), k);
                Files.write(folder.resolve(String.format("IMG_%05d.JPG", k)), f);
                bytes += f.length;
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports copies 0..count-1 of the drawings through the photo service (a clinic of {@code count} photos). */
    static long fill(Path data, PhotoClinic clinic, List<byte[]> drawings, int count) {
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(clinic.username(), clinic.password().toCharArray());
            db.bulkLoad(true);
            long bytes = 0;
            try {
                for (int k = 0; k < count; k++) {
                    byte[] f = numbered(drawings.get(k % drawings.size()), 100_000 + k);
                    s.photos().importBytes(new ImportRequest(clinic.patientId(), clinic.visit(), Pose.values()[k % 5], null,
                            Moment.values()[k % 3]), String.format("IMG_%05d.JPG", k), f);
                    bytes += f.length;
                }
            } finally {
                db.bulkLoad(false);
                s.auth().signOut();
            }
            return bytes;
        }
    }
}

package org.needlepoint.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.needlepoint.photo.Pose;
import org.needlepoint.photo.Pupils;

/**
 * seed-demo's synthetic clinical photos: a simple stylised face drawn here with java.awt, in each standard view
 * (front, left and right profile, left and right oblique), never a real photograph. The same {@link Sitter} is
 * the same person at every visit; a {@link Sitting} is what changes from one photo to the next (the head's tilt,
 * place and distance, the light, the cheeks' and lips' volume, the frown lines, fresh injection marks after a
 * treatment), so Compare and the alignment by pupils have something to show. The front view returns where its
 * pupils were drawn. The face is drawn in a 800 x 1000 model and scaled to the width asked (a 12-megapixel photo
 * for the benchmark is the same drawing, larger).
 */
final class DemoFaces {
    static final int MODEL_W = 800;
    static final int MODEL_H = 1000;
    private static final double CX = 400;
    /** The head as a cylinder of this radius, for the obliques' turn. */
    private static final double R = 175;
    private static final double EYE_Y = 440;
    private static final double EYE_U = 75;

    private static final Color[] SKINS = {new Color(0xF1C8A8), new Color(0xE0AC8A), new Color(0xC68E6A),
        new Color(0x9E6B4A), new Color(0x70482F), new Color(0xF5D3BC)};
    private static final Color[] HAIRS = {new Color(0x2A1C14), new Color(0x4B3221), new Color(0x7A5230),
        new Color(0xB38A4E), new Color(0x111111), new Color(0x8C8C88)};
    private static final Color[] IRISES = {new Color(0x5B3A1E), new Color(0x3C6E8F), new Color(0x4F6B3A),
        new Color(0x2E1F14)};
    private static final Color[] CLOTHES = {new Color(0x2F4F5F), new Color(0x5A4A6A), new Color(0x3F5E4A),
        new Color(0x6B4F3A)};

    private DemoFaces() {
    }

    /** Who is photographed: the same at every visit. */
    record Sitter(Color skin, Color hair, Color iris, Color clothes, boolean longHair, double faceWidth) {
        static Sitter random(Random rnd, boolean female) {
            return new Sitter(SKINS[rnd.nextInt(SKINS.length)], HAIRS[rnd.nextInt(HAIRS.length)],
                    IRISES[rnd.nextInt(IRISES.length)], CLOTHES[rnd.nextInt(CLOTHES.length)],
                    female && rnd.nextInt(5) > 0, 0.92 + rnd.nextDouble() * 0.16);
        }
    }

    /**
     * One photo's conditions: {@code tilt} degrees (clockwise), {@code dx}/{@code dy} the head's shift and
     * {@code zoom} its size (the camera a little nearer or further), {@code light} from -1 (from the image's left)
     * to 1 (right) and {@code brightness} around 1; {@code cheeks} and {@code lips} volume from 0 (hollow, thin)
     * to 1 (full), {@code lines} the depth of the frown lines from 0 (none) to 1; {@code marks} the fresh
     * injection marks of a photo taken right after a treatment (glabella, temples, cheeks).
     */
    record Sitting(double tilt, double dx, double dy, double zoom, double light, double brightness, double cheeks,
                   double lips, double lines, Marks marks) {
    }

    /** The injection marks that show on a photo taken right after the treatment. */
    enum Marks { NONE, UPPER_FACE, TEMPLES_AND_CHEEKS }

    /** A drawn photo: its JPEG, its size, and (front view only) its pupils as drawn, in the photo's pixels. */
    record Drawn(byte[] jpeg, int width, int height, Pupils pupils) {
    }

    /** The photo of {@code who} in {@code pose} (a face view, not BODY) as {@code s} says, {@code width} pixels wide. */
    static Drawn draw(Pose pose, Sitter who, Sitting s, int width) {
        BufferedImage img = render(pose, who, s, width);
        Pupils pupils = null;
        if (pose == Pose.FRONT) {
            AffineTransform t = placement(s, width);
            Point2D left = t.transform(new Point2D.Double(CX + EYE_U, EYE_Y), null); // the patient's left: image right
            Point2D right = t.transform(new Point2D.Double(CX - EYE_U, EYE_Y), null);
            pupils = Pupils.of(left.getX(), left.getY(), right.getX(), right.getY());
        }
        return new Drawn(jpeg(img), img.getWidth(), img.getHeight(), pupils);
    }

    /** The drawing, {@code width} pixels wide, 5:4 high. */
    static BufferedImage render(Pose pose, Sitter who, Sitting s, int width) {
        if (pose == Pose.BODY) {
            throw new IllegalArgumentException("seed-demo draws faces only");
        }
        int height = width * MODEL_H / MODEL_W;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Color wall = shade(new Color(0xB9C4CC), s.brightness());
            g.setPaint(new GradientPaint(0, 0, shade(wall, 1.08), 0, height, shade(wall, 0.85)));
            g.fillRect(0, 0, width, height);
            g.transform(placement(s, width));
            switch (pose) {
                case FRONT -> face(g, who, s, 0);
                case LEFT_OBLIQUE -> face(g, who, s, -0.62);
                case RIGHT_OBLIQUE -> face(g, who, s, 0.62);
                case LEFT_PROFILE -> profile(g, who, s, false);
                case RIGHT_PROFILE -> profile(g, who, s, true);
                default -> throw new IllegalArgumentException(pose.name());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Model (800 x 1000) to the photo: scaled to its width, then the sitting's tilt, size and shift about the face. */
    static AffineTransform placement(Sitting s, int width) {
        double k = width / (double) MODEL_W;
        AffineTransform t = AffineTransform.getScaleInstance(k, k);
        t.translate(CX + s.dx(), 480 + s.dy());
        t.rotate(Math.toRadians(s.tilt()));
        t.scale(s.zoom(), s.zoom());
        t.translate(-CX, -480);
        return t;
    }

    private static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 8);
            if (!ImageIO.write(img, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------ front and obliques

    /** Where a point of the face at {@code u} from the midline (front view) shows when the head turns by {@code yaw}. */
    private static double px(double u, double yaw) {
        double phi = Math.asin(Math.max(-1, Math.min(1, u / R))) + yaw;
        return CX + R * Math.sin(Math.max(-Math.PI / 2, Math.min(Math.PI / 2, phi)));
    }

    /** How much narrower a feature at {@code u} shows when the head turns by {@code yaw} (0 when turned away). */
    private static double narrow(double u, double yaw) {
        double phi = Math.asin(Math.max(-1, Math.min(1, u / R)));
        return Math.max(0, Math.cos(phi + yaw)) / Math.max(0.2, Math.cos(phi));
    }

    private static void face(Graphics2D g, Sitter who, Sitting s, double yaw) {
        double hw = 150 * who.faceWidth() + 10 * s.cheeks();
        body(g, who, s, yaw * 60);
        if (who.longHair()) {
            g.setColor(who.hair());
            g.fill(new Ellipse2D.Double(CX - hw - 45 - yaw * 30, 220, 2 * hw + 90, 560));
        }
        // ears: the near one only when turned
        g.setColor(shade(who.skin(), 0.92 * s.brightness()));
        if (yaw <= 0.1) {
            g.fill(new Ellipse2D.Double(CX + hw - 14 + yaw * 20, 440, 40, 86));
        }
        if (yaw >= -0.1) {
            g.fill(new Ellipse2D.Double(CX - hw - 26 + yaw * 20, 440, 40, 86));
        }
        // the face, lit from the side the light comes from
        double shiftX = yaw * 40;
        Path2D outline = new Path2D.Double();
        double c = 14 * s.cheeks();
        outline.moveTo(CX + shiftX, 232);
        outline.curveTo(CX + hw * 0.75 + shiftX, 232, CX + hw + shiftX * 0.3, 330, CX + hw + shiftX * 0.3, 440);
        outline.curveTo(CX + hw + c + shiftX * 0.3, 540, CX + hw * 0.86 + shiftX * 0.5, 620, CX + hw * 0.5 + shiftX, 690);
        outline.curveTo(CX + hw * 0.3 + shiftX, 722, CX + 25 + shiftX * 1.3, 728, CX + shiftX * 1.3, 728);
        outline.curveTo(CX - 25 + shiftX * 1.3, 728, CX - hw * 0.3 + shiftX, 722, CX - hw * 0.5 + shiftX, 690);
        outline.curveTo(CX - hw * 0.86 + shiftX * 0.5, 620, CX - hw - c + shiftX * 0.3, 540, CX - hw + shiftX * 0.3, 440);
        outline.curveTo(CX - hw + shiftX * 0.3, 330, CX - hw * 0.75 + shiftX, 232, CX + shiftX, 232);
        outline.closePath();
        g.setPaint(new GradientPaint((float) (CX - hw), 0, shade(who.skin(), s.brightness() * (1 - 0.16 * s.light())),
                (float) (CX + hw), 0, shade(who.skin(), s.brightness() * (1 + 0.16 * s.light()))));
        g.fill(outline);
        Shape clip = g.getClip();
        g.clip(outline);
        // cheek volume: a highlight over each cheekbone that grows with it, and the hollow under it that fades
        for (int side = -1; side <= 1; side += 2) {
            double u = side * 92;
            double x = px(u, yaw);
            double k = narrow(u, yaw);
            if (k <= 0.05) {
                continue;
            }
            float r = (float) (55 + 30 * s.cheeks());
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, 520), r, new Point2D.Double(x, 505),
                    new float[] {0f, 1f}, new Color[] {alpha(shade(who.skin(), 1.22 * s.brightness()),
                    0.25 + 0.45 * s.cheeks()), alpha(who.skin(), 0)}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Double(x - r * k, 520 - r, 2 * r * k, 2 * r));
            double hollow = 0.35 * (1 - s.cheeks());
            g.setPaint(new RadialGradientPaint(new Point2D.Double(px(side * 110, yaw), 590), 48f, new float[] {0f, 1f},
                    new Color[] {alpha(shade(who.skin(), 0.7), hollow), alpha(who.skin(), 0)}));
            g.fill(new Ellipse2D.Double(px(side * 110, yaw) - 48 * k, 542, 96 * k, 96));
        }
        g.setClip(clip);
        hairFront(g, who, hw, shiftX);
        // brows, frown lines, eyes
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shade(who.hair(), 0.9));
        for (int side = -1; side <= 1; side += 2) {
            if (narrow(side * 85, yaw) <= 0.05) {
                continue;
            }
            Path2D brow = new Path2D.Double();
            brow.moveTo(px(side * 38, yaw), 398);
            brow.quadTo(px(side * 85, yaw), 378, px(side * 128, yaw), 396);
            g.draw(brow);
        }
        if (s.lines() > 0.02) {
            g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(alpha(shade(who.skin(), 0.62), Math.min(1, s.lines())));
            for (int side = -1; side <= 1; side += 2) {
                g.draw(new java.awt.geom.QuadCurve2D.Double(px(side * 11, yaw), 394, px(side * 15, yaw), 412,
                        px(side * 10, yaw), 430));
            }
        }
        for (int side = -1; side <= 1; side += 2) {
            eye(g, who, s, px(side * EYE_U, yaw), narrow(side * EYE_U, yaw));
        }
        // nose: the shadow on the side away from the light, and the nostrils
        double noseTip = px(0, yaw) + 38 * Math.sin(yaw);
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(alpha(shade(who.skin(), 0.7), 0.7));
        double ns = s.light() >= 0 ? -1 : 1;
        Path2D bridge = new Path2D.Double();
        bridge.moveTo(px(ns * 16, yaw), 455);
        bridge.curveTo(px(ns * 18, yaw), 500, noseTip + ns * 22, 540, noseTip + ns * 20, 565);
        g.draw(bridge);
        g.setColor(shade(who.skin(), 0.55));
        for (int side = -1; side <= 1; side += 2) {
            double k = narrow(side * 16, yaw);
            if (k > 0.1) {
                g.fill(new Ellipse2D.Double(noseTip + side * 16 * (0.6 + 0.4 * k) - 8 * k, 570, 16 * k, 8));
            }
        }
        // lips
        double mouth = px(0, yaw) + 12 * Math.sin(yaw);
        double lw = 56 * (0.7 + 0.3 * Math.cos(yaw));
        double upper = 11 + 9 * s.lips();
        double lower = 13 + 12 * s.lips();
        Color lip = blend(who.skin(), new Color(0xB5485A), 0.55);
        Path2D up = new Path2D.Double();
        up.moveTo(mouth - lw, 642);
        up.curveTo(mouth - lw * 0.5, 642 - upper, mouth - 10, 642 - upper * 1.1, mouth, 642 - upper * 0.7);
        up.curveTo(mouth + 10, 642 - upper * 1.1, mouth + lw * 0.5, 642 - upper, mouth + lw, 642);
        up.closePath();
        Path2D low = new Path2D.Double();
        low.moveTo(mouth - lw, 642);
        low.curveTo(mouth - lw * 0.5, 642 + lower * 1.3, mouth + lw * 0.5, 642 + lower * 1.3, mouth + lw, 642);
        low.closePath();
        g.setColor(shade(lip, s.brightness()));
        g.fill(up);
        g.setColor(shade(lip, s.brightness() * 1.1));
        g.fill(low);
        g.setStroke(new BasicStroke(2));
        g.setColor(shade(lip, 0.6));
        g.draw(new java.awt.geom.Line2D.Double(mouth - lw, 642, mouth + lw, 642));
        marks(g, s.marks(), yaw);
    }

    private static void eye(Graphics2D g, Sitter who, Sitting s, double x, double k) {
        if (k <= 0.08) {
            return;
        }
        double w = 64 * k;
        Path2D almond = new Path2D.Double();
        almond.moveTo(x - w / 2, EYE_Y);
        almond.quadTo(x, EYE_Y - 26, x + w / 2, EYE_Y);
        almond.quadTo(x, EYE_Y + 20, x - w / 2, EYE_Y);
        almond.closePath();
        g.setColor(shade(new Color(0xF4F1EA), s.brightness()));
        g.fill(almond);
        Shape clip = g.getClip();
        g.clip(almond);
        g.setColor(who.iris());
        g.fill(new Ellipse2D.Double(x - 14 * k, EYE_Y - 14, 28 * k, 28));
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(x - 6 * k, EYE_Y - 6, 12 * k, 12));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x + 4 * s.light() * k - 2, EYE_Y - 7, 4, 4));
        g.setClip(clip);
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shade(who.hair(), 0.6));
        Path2D lid = new Path2D.Double();
        lid.moveTo(x - w / 2 - 2, EYE_Y + 1);
        lid.quadTo(x, EYE_Y - 28, x + w / 2 + 2, EYE_Y + 1);
        g.draw(lid);
    }

    private static void hairFront(Graphics2D g, Sitter who, double hw, double shiftX) {
        g.setColor(who.hair());
        Path2D fringe = new Path2D.Double();
        fringe.moveTo(CX - hw - 12 + shiftX * 0.3, 450);
        fringe.curveTo(CX - hw - 30 + shiftX * 0.3, 230, CX - 80 + shiftX, 190, CX + shiftX, 192);
        fringe.curveTo(CX + 80 + shiftX, 190, CX + hw + 30 + shiftX * 0.3, 230, CX + hw + 12 + shiftX * 0.3, 450);
        fringe.curveTo(CX + hw - 8 + shiftX * 0.3, 340, CX + hw - 50 + shiftX, 290, CX + 40 + shiftX, 282);
        fringe.curveTo(CX - 30 + shiftX, 300, CX - hw + 30 + shiftX, 300, CX - hw - 12 + shiftX * 0.3, 450);
        fringe.closePath();
        g.fill(fringe);
    }

    private static void body(Graphics2D g, Sitter who, Sitting s, double shift) {
        g.setColor(shade(who.skin(), 0.85 * s.brightness()));
        g.fill(new java.awt.geom.Rectangle2D.Double(CX - 62 + shift * 0.3, 640, 124, 200));
        g.setColor(who.clothes());
        Path2D shoulders = new Path2D.Double();
        shoulders.moveTo(CX - 360, 1050);
        shoulders.curveTo(CX - 350, 860, CX - 250, 830, CX - 70 + shift * 0.3, 815);
        shoulders.quadTo(CX + shift * 0.3, 860, CX + 70 + shift * 0.3, 815);
        shoulders.curveTo(CX + 250, 830, CX + 350, 860, CX + 360, 1050);
        shoulders.closePath();
        g.fill(shoulders);
    }

    private static void marks(Graphics2D g, Marks marks, double yaw) {
        double[][] at = switch (marks) {
            case NONE -> new double[0][];
            case UPPER_FACE -> new double[][] {{0, 412}, {-26, 398}, {26, 398}, {-40, 388}, {40, 388}, {-130, 445},
                {130, 445}, {-60, 330}, {0, 320}, {60, 330}};
            case TEMPLES_AND_CHEEKS -> new double[][] {{-140, 380}, {140, 380}, {-100, 520}, {100, 520}, {-115, 545},
                {115, 545}};
        };
        for (double[] p : at) {
            double k = narrow(p[0], yaw);
            if (k <= 0.1) {
                continue;
            }
            double x = px(p[0], yaw);
            g.setColor(new Color(0xD0, 0x40, 0x40, 90));
            g.fill(new Ellipse2D.Double(x - 9 * k, p[1] - 9, 18 * k, 18));
            g.setColor(new Color(0xA0, 0x20, 0x20, 200));
            g.fill(new Ellipse2D.Double(x - 2.5, p[1] - 2.5, 5, 5));
        }
    }

    // ------------------------------------------------------------------------------ profiles

    /** A profile facing the image's left (the patient's left side shown); {@code mirrored} faces right. */
    private static void profile(Graphics2D g, Sitter who, Sitting s, boolean mirrored) {
        AffineTransform saved = g.getTransform();
        if (mirrored) {
            g.translate(2 * CX, 0);
            g.scale(-1, 1);
        }
        double light = mirrored ? -s.light() : s.light();
        body(g, who, s, 30);
        if (who.longHair()) {
            g.setColor(who.hair());
            g.fill(new Ellipse2D.Double(380, 220, 300, 600));
        }
        double lp = 6 * s.lips();
        double ch = 14 * s.cheeks();
        Path2D head = new Path2D.Double();
        head.moveTo(300, 260);
        head.curveTo(275, 320, 268, 370, 262, 410); // forehead
        head.quadTo(268, 430, 276, 452); // brow to bridge
        head.curveTo(258, 490, 236, 520, 222, 545); // nose
        head.quadTo(228, 566, 262, 572); // nose to lip
        head.quadTo(256 - lp, 596, 256 - lp, 618); // upper lip
        head.lineTo(270, 634); // mouth
        head.quadTo(250 - lp, 645, 262 - lp * 0.5, 662); // lower lip
        head.quadTo(282, 676, 272, 692); // chin crease
        head.curveTo(256, 710, 264, 732, 300, 742); // chin
        head.curveTo(340, 752, 380, 760, 400, 800); // under the jaw
        head.lineTo(520, 820);
        head.curveTo(560, 700, 640, 620, 640, 460); // nape and back of the head
        head.curveTo(640, 300, 540, 215, 420, 215);
        head.curveTo(360, 215, 320, 230, 300, 260);
        head.closePath();
        g.setPaint(new GradientPaint(230, 0, shade(who.skin(), s.brightness() * (1 - 0.15 * light)), 640, 0,
                shade(who.skin(), s.brightness() * (1 + 0.15 * light))));
        g.fill(head);
        Shape clip = g.getClip();
        g.clip(head);
        float r = (float) (70 + 25 * s.cheeks());
        g.setPaint(new RadialGradientPaint(new Point2D.Double(340 - ch, 520), r, new float[] {0f, 1f}, new Color[] {
            alpha(shade(who.skin(), 1.2 * s.brightness()), 0.25 + 0.45 * s.cheeks()), alpha(who.skin(), 0)}));
        g.fill(new Ellipse2D.Double(340 - ch - r, 520 - r, 2 * r, 2 * r));
        g.setPaint(new RadialGradientPaint(new Point2D.Double(350, 600), 50f, new float[] {0f, 1f}, new Color[] {
            alpha(shade(who.skin(), 0.7), 0.35 * (1 - s.cheeks())), alpha(who.skin(), 0)}));
        g.fill(new Ellipse2D.Double(300, 550, 100, 100));
        g.setClip(clip);
        // hair over the skull, the ear, the eye and brow, the lips
        g.setColor(who.hair());
        Path2D hair = new Path2D.Double();
        hair.moveTo(290, 290);
        hair.curveTo(320, 200, 460, 180, 560, 230);
        hair.curveTo(650, 280, 670, 420, 640, 560);
        hair.curveTo(600, 520, 560, 470, 540, 400);
        hair.curveTo(480, 330, 380, 290, 290, 290);
        hair.closePath();
        g.fill(hair);
        g.setColor(shade(who.skin(), 0.9 * s.brightness()));
        g.fill(new Ellipse2D.Double(470, 440, 52, 92));
        g.setColor(shade(who.skin(), 0.7));
        g.setStroke(new BasicStroke(3));
        g.draw(new java.awt.geom.Arc2D.Double(478, 452, 34, 66, 90, -200, java.awt.geom.Arc2D.OPEN));
        g.setColor(shade(new Color(0xF4F1EA), s.brightness()));
        Path2D eye = new Path2D.Double();
        eye.moveTo(286, 444);
        eye.quadTo(298, 430, 318, 440);
        eye.quadTo(300, 452, 286, 444);
        g.fill(eye);
        g.setColor(who.iris());
        g.fill(new Ellipse2D.Double(285, 434, 10, 16));
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shade(who.hair(), 0.9));
        g.draw(new java.awt.geom.QuadCurve2D.Double(272, 412, 300, 398, 338, 410));
        Color lip = blend(who.skin(), new Color(0xB5485A), 0.55);
        g.setColor(shade(lip, s.brightness()));
        Path2D lips = new Path2D.Double();
        lips.moveTo(262, 580);
        lips.quadTo(256 - lp, 600, 258 - lp, 618);
        lips.lineTo(272, 634);
        lips.quadTo(252 - lp, 646, 264 - lp * 0.5, 660);
        lips.lineTo(284, 660);
        lips.lineTo(284, 584);
        lips.closePath();
        g.fill(lips);
        if (s.marks() == Marks.TEMPLES_AND_CHEEKS) {
            for (double[] p : new double[][] {{360, 390}, {330, 515}, {350, 540}}) {
                g.setColor(new Color(0xD0, 0x40, 0x40, 90));
                g.fill(new Ellipse2D.Double(p[0] - 9, p[1] - 9, 18, 18));
                g.setColor(new Color(0xA0, 0x20, 0x20, 200));
                g.fill(new Ellipse2D.Double(p[0] - 2.5, p[1] - 2.5, 5, 5));
            }
        }
        g.setTransform(saved);
    }

    // ------------------------------------------------------------------------------ colours

    private static Color shade(Color c, double k) {
        return new Color(clamp(c.getRed() * k), clamp(c.getGreen() * k), clamp(c.getBlue() * k));
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp(a * 255));
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color(clamp(a.getRed() * (1 - t) + b.getRed() * t), clamp(a.getGreen() * (1 - t) + b.getGreen() * t),
                clamp(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}

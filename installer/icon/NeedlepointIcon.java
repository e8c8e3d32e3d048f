import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Needlepoint icon (an original drawing: a needle placing a point among the injection
 * points of a site map, on a teal tile) and writes it in the formats jpackage takes:
 * linux/Needlepoint.png (256 px), windows/Needlepoint.ico (16-256 px) and macos/Needlepoint.icns
 * (16-1024 px), all with PNG-compressed entries. Needs only a JDK:
 *
 * <pre>java -Djava.awt.headless=true installer/icon/NeedlepointIcon.java installer</pre>
 *
 * The files it writes are committed, so building the installer does not run this.
 */
public final class NeedlepointIcon {
    private static final Color TILE_TOP = new Color(0x14, 0xB8, 0xA6);
    private static final Color TILE_BOTTOM = new Color(0x0F, 0x5F, 0x5A);
    private static final Color POINT = new Color(255, 255, 255, 215);
    private static final Color TARGET = new Color(0xFB, 0x71, 0x85);
    private static final Color NEEDLE = new Color(0xF1, 0xF5, 0xF9);
    private static final Color HUB = new Color(0xFD, 0xE6, 0x8A);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "installer");
        Files.createDirectories(dir.resolve("linux"));
        Files.createDirectories(dir.resolve("windows"));
        Files.createDirectories(dir.resolve("macos"));
        Files.write(dir.resolve("linux/Needlepoint.png"), png(draw(256)));
        Files.write(dir.resolve("windows/Needlepoint.ico"), ico(16, 24, 32, 48, 64, 128, 256));
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("icp5", 32);
        icns.put("icp6", 64);
        icns.put("ic07", 128);
        icns.put("ic08", 256);
        icns.put("ic09", 512);
        icns.put("ic10", 1024);
        Files.write(dir.resolve("macos/Needlepoint.icns"), icns(icns));
        Files.write(dir.resolve("icon/preview-512.png"), png(draw(512)));
    }

    /** The icon at {@code size} pixels; below 40 px the small points are left out so it stays legible. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        boolean small = size < 40;
        double inset = small ? 0 : s * 0.06;
        double tile = s - 2 * inset;
        g.setPaint(new GradientPaint(0, (float) inset, TILE_TOP, 0, (float) (inset + tile), TILE_BOTTOM));
        g.fill(new RoundRectangle2D.Double(inset, inset, tile, tile, tile * 0.44, tile * 0.44));

        // injection points along a gentle arc, like a row of points across a brow
        if (!small) {
            g.setColor(POINT);
            double r = s * 0.042;
            double[][] points = {{0.17, 0.52}, {0.60, 0.70}, {0.73, 0.64}, {0.84, 0.55}};
            for (double[] p : points) {
                g.fill(new Ellipse2D.Double(p[0] * s - r, p[1] * s - r, 2 * r, 2 * r));
            }
        }
        // the point being placed: a coral dot with a white ring
        double cx = s * (small ? 0.36 : 0.39);
        double cy = s * (small ? 0.64 : 0.66);
        double tr = s * (small ? 0.17 : 0.105);
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - tr * 1.35, cy - tr * 1.35, tr * 2.7, tr * 2.7));
        g.setColor(TARGET);
        g.fill(new Ellipse2D.Double(cx - tr, cy - tr, 2 * tr, 2 * tr));

        // the needle: shaft from the hub (upper right) down to the dot, with a bevelled tip
        double tipX = cx + tr * 0.55;
        double tipY = cy - tr * 0.55;
        double hubX = s * 0.80;
        double hubY = s * 0.20;
        float shaft = (float) (s * (small ? 0.075 : 0.038));
        g.setColor(NEEDLE);
        g.setStroke(new BasicStroke(shaft, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double dx = hubX - tipX;
        double dy = hubY - tipY;
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double bevel = shaft * 2.2;
        g.draw(new Line2D.Double(tipX + ux * bevel, tipY + uy * bevel, hubX, hubY));
        Path2D tip = new Path2D.Double();
        double nx = -uy * shaft / 2;
        double ny = ux * shaft / 2;
        tip.moveTo(tipX + ux * bevel + nx, tipY + uy * bevel + ny);
        tip.lineTo(tipX + ux * bevel - nx, tipY + uy * bevel - ny);
        tip.lineTo(tipX, tipY);
        tip.closePath();
        g.fill(tip);
        // the hub: a short, wider sleeve at the top end
        double hubLen = s * (small ? 0.16 : 0.13);
        g.setColor(HUB);
        g.setStroke(new BasicStroke((float) (shaft * 2.6), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(hubX, hubY, hubX + ux * hubLen, hubY + uy * hubLen));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** A Windows .ico whose entries are PNG images (Windows Vista and later). */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(draw(sizes[i]));
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        LittleEndian out = new LittleEndian(b);
        out.short16(0);
        out.short16(1); // icon
        out.short16(sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            out.byte8(sizes[i] >= 256 ? 0 : sizes[i]);
            out.byte8(sizes[i] >= 256 ? 0 : sizes[i]);
            out.byte8(0); // no palette
            out.byte8(0);
            out.short16(1); // colour planes
            out.short16(32); // bits per pixel
            out.int32(images[i].length);
            out.int32(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            b.write(image);
        }
        return b.toByteArray();
    }

    /** A macOS .icns: big-endian "icns" header, then one PNG-compressed entry per type. */
    static byte[] icns(Map<String, Integer> entries) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            byte[] image = png(draw(e.getValue()));
            d.writeBytes(e.getKey());
            d.writeInt(8 + image.length);
            d.write(image);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(all);
        h.writeBytes("icns");
        h.writeInt(8 + body.size());
        body.writeTo(h);
        return all.toByteArray();
    }

    private static final class LittleEndian {
        private final OutputStream out;

        LittleEndian(OutputStream out) {
            this.out = out;
        }

        void byte8(int v) throws IOException {
            out.write(v & 0xFF);
        }

        void short16(int v) throws IOException {
            byte8(v);
            byte8(v >> 8);
        }

        void int32(int v) throws IOException {
            short16(v);
            short16(v >> 16);
        }
    }
}

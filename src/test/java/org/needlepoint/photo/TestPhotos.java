package org.needlepoint.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Photos made in the tests: plain JPEGs and PNGs, and JPEGs carrying an EXIF orientation written here. */
public final class TestPhotos {
    private TestPhotos() {
    }

    /** A JPEG of w x h: the top half red, the bottom half blue, with {@code seed} varying a corner so files differ. */
    public static byte[] jpeg(int w, int h, int seed) {
        return encode(halves(w, h, seed), "jpg");
    }

    public static byte[] png(int w, int h, int seed) {
        return encode(halves(w, h, seed), "png");
    }

    static BufferedImage halves(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, h / 2, w, h - h / 2);
        g.setColor(new Color((seed * 37) & 0xFF, (seed * 91) & 0xFF, (seed * 13) & 0xFF));
        g.fillRect(0, 0, Math.max(1, w / 10), Math.max(1, h / 10));
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG that shows {@code upright} (red on top) when its EXIF orientation {@code orientation} (6 or 8) is
     * applied: its pixels are stored turned the other way, as a camera held sideways stores them.
     */
    public static byte[] sideways(int uprightW, int uprightH, int orientation) {
        BufferedImage up = halves(uprightW, uprightH, 1);
        BufferedImage raw = new BufferedImage(uprightH, uprightW, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < uprightH; y++) {
            for (int x = 0; x < uprightW; x++) {
                int rgb = up.getRGB(x, y);
                if (orientation == 6) {
                    // shown = raw turned 90 degrees clockwise: raw (rx, ry) shows at (H - 1 - ry, rx)
                    raw.setRGB(y, uprightW - 1 - x, rgb);
                } else {
                    // 8: shown = raw turned 90 degrees counter-clockwise: raw (rx, ry) shows at (ry, W - 1 - rx)
                    raw.setRGB(uprightH - 1 - y, x, rgb);
                }
            }
        }
        return withOrientation(encode(raw, "jpg"), orientation);
    }

    /** {@code jpeg} with an EXIF APP1 segment holding only the orientation tag, right after its start marker. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1, value
            0, 0, 0, 0}; // no next IFD
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int len = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The first bytes of an iPhone's HEIC file (an ISO box "ftyp" with the brand "heic"), padded. */
    public static byte[] heic() {
        byte[] b = new byte[64];
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }
}

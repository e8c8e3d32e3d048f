package org.needlepoint.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.needlepoint.common.ValidationException;

/**
 * A photo file as imported: its format (JPEG or PNG; HEIC and anything else refused with a line saying
 * what to do), its size as stored and as shown upright, its EXIF orientation and date, and its SHA-256.
 * Decoding for the screen ({@link #decode}, {@link #decodeToFit}, {@link #decodeAtLeast}) reads only every n-th
 * pixel of a large photo (subsampling), straight from the bytes in memory, so a 12-megapixel file becomes a
 * thumbnail without its full pixels ever being in memory. No JavaFX here.
 */
public record ImageFile(String mediaType, int rawWidth, int rawHeight, int orientation, Instant takenAt, String sha256) {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    /** What a person reads when a HEIC (HEIF) photo is dropped in. */
    public static final String HEIC_REFUSED = "is a HEIC photo, which Needlepoint cannot show. Set the camera to save"
            + " JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible) and take the photo again, or export it"
            + " as JPEG, then import that.";
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs",
            "mif1", "msf1", "avif", "avis");

    /** The width of the photo as shown (its orientation applied). */
    public int width() {
        return orientation >= 5 ? rawHeight : rawWidth;
    }

    /** The height of the photo as shown (its orientation applied). */
    public int height() {
        return orientation >= 5 ? rawWidth : rawHeight;
    }

    /** The extension a backup gives the file. */
    public static String extension(String mediaType) {
        return PNG.equals(mediaType) ? ".png" : ".jpg";
    }

    /**
     * Reads what is needed of {@code bytes} (named {@code fileName} in messages). Refused with a
     * {@link ValidationException} on field "file": a HEIC photo, a file that is neither JPEG nor PNG, an
     * empty or unreadable one.
     */
    public static ImageFile probe(String fileName, byte[] bytes) {
        String type = typeOf(bytes);
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (isHeif(bytes) || lower.endsWith(".heic") || lower.endsWith(".heif")) {
            throw new ValidationException("file", fileName + " " + HEIC_REFUSED);
        }
        if (type == null) {
            throw new ValidationException("file", fileName + " is not a JPEG or PNG photo, so it was not imported.");
        }
        int orientation = 1;
        Instant taken = null;
        try {
            Metadata md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                orientation = o >= 1 && o <= 8 ? o : 1;
            }
            ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                Date d = sub.getDateOriginal(TimeZone.getDefault());
                taken = d == null ? null : d.toInstant();
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // no readable EXIF: the photo is shown as stored
            orientation = 1;
        }
        int[] size = size(fileName, bytes);
        return new ImageFile(type, size[0], size[1], orientation, taken, sha256(bytes));
    }

    /** image/jpeg or image/png by the file's first bytes; null for anything else. */
    static String typeOf(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        return null;
    }

    /** An ISO base-media file whose brand is HEIF's (HEIC, AVIF...). */
    static boolean isHeif(byte[] b) {
        if (b.length < 12 || b[4] != 'f' || b[5] != 't' || b[6] != 'y' || b[7] != 'p') {
            return false;
        }
        return HEIF_BRANDS.contains(new String(b, 8, 4, StandardCharsets.US_ASCII));
    }

    private static int[] size(String fileName, byte[] bytes) {
        try (ImageInputStream in = new BytesImageInput(bytes)) {
            ImageReader r = reader(in, fileName);
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("file", fileName + " cannot be read as a photo (it may be damaged), so it was"
                    + " not imported.");
        }
    }

    private static ImageReader reader(ImageInputStream in, String fileName) {
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        if (!it.hasNext()) {
            throw new ValidationException("file", fileName + " cannot be read as a photo.");
        }
        return it.next();
    }

    /**
     * The photo upright, its longer side at most {@code maxSide} pixels (never enlarged): large photos are read
     * with subsampling (every n-th pixel), then scaled smoothly to the size.
     */
    public static BufferedImage decode(byte[] bytes, int orientation, int maxSide) throws IOException {
        return decode(bytes, orientation, maxSide, 2);
    }

    /**
     * As {@link #decode(byte[], int, int)}, reading every n-th pixel so that at least {@code oversample} times
     * {@code maxSide} pixels are kept before scaling (2 for thumbnails, smooth; 1 for a screen-size view, faster).
     */
    public static BufferedImage decode(byte[] bytes, int orientation, int maxSide, int oversample) throws IOException {
        return decodeToFit(bytes, orientation, maxSide, maxSide, oversample);
    }

    /**
     * The photo upright and scaled smoothly to fit a box of {@code maxWidth} x {@code maxHeight} pixels (never
     * enlarged): a thumbnail that is shown at its own size, so the screen does not scale it at every frame. Read at
     * every n-th pixel, keeping at least {@code oversample} times the size before the scaling.
     */
    public static BufferedImage decodeToFit(byte[] bytes, int orientation, int maxWidth, int maxHeight, int oversample)
            throws IOException {
        boolean swap = orientation >= 5;
        return read(bytes, (w, h) -> {
            int shownW = swap ? h : w;
            int shownH = swap ? w : h;
            double fit = Math.min(1.0, Math.min(maxWidth / (double) shownW, maxHeight / (double) shownH));
            return Math.max(1, (int) (1 / (fit * oversample)));
        }, read -> {
            int shownW = swap ? read.getHeight() : read.getWidth();
            int shownH = swap ? read.getWidth() : read.getHeight();
            double scale = Math.min(1.0, Math.min(maxWidth / (double) shownW, maxHeight / (double) shownH));
            return upright(read, orientation, scale);
        });
    }

    /**
     * The photo upright with its longer side at least {@code minSide} pixels (less than twice that), for a view of
     * that size (the screen scales it the rest of the way): read at every n-th pixel so that it has at least twice
     * the size, then halved, each pixel the average of the four it covers (every n-th pixel alone shows a photo's
     * grain as coarse noise). A photo no larger than that is read whole and not halved.
     */
    public static BufferedImage decodeAtLeast(byte[] bytes, int orientation, int minSide) throws IOException {
        int side = Math.max(1, minSide);
        return read(bytes, (w, h) -> Math.max(1, Math.max(w, h) / (2 * side)), read -> {
            BufferedImage sized = Math.max(read.getWidth(), read.getHeight()) >= 2 * side ? halve(read) : read;
            return orientation <= 1 ? sized : upright(sized, orientation, 1.0);
        });
    }

    /** {@code img} at half its width and height, each pixel the average of the two by two it covers. */
    static BufferedImage halve(BufferedImage img) {
        int w = Math.max(1, img.getWidth() / 2);
        int h = Math.max(1, img.getHeight() / 2);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        java.awt.image.Raster r = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR && r.getDataBuffer() instanceof java.awt.image.DataBufferByte db
                && db.getSize() == img.getWidth() * img.getHeight() * 3 && r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0 && img.getHeight() >= 2 && img.getWidth() >= 2) {
            // a decoded JPEG: its bytes straight (blue, green, red for each pixel)
            byte[] src = db.getData();
            int stride = img.getWidth() * 3;
            for (int y = 0; y < h; y++) {
                int top = 2 * y * stride;
                for (int x = 0; x < w; x++) {
                    int i = top + 6 * x;
                    int j = i + stride;
                    int blue = (src[i] & 255) + (src[i + 3] & 255) + (src[j] & 255) + (src[j + 3] & 255);
                    int green = (src[i + 1] & 255) + (src[i + 4] & 255) + (src[j + 1] & 255) + (src[j + 4] & 255);
                    int red = (src[i + 2] & 255) + (src[i + 5] & 255) + (src[j + 2] & 255) + (src[j + 5] & 255);
                    dst[y * w + x] = (red >> 2) << 16 | (green >> 2) << 8 | (blue >> 2);
                }
            }
            return out;
        }
        int[] rows = new int[2 * img.getWidth()];
        for (int y = 0; y < h; y++) {
            int pair = Math.min(2, img.getHeight() - 2 * y);
            img.getRGB(0, 2 * y, img.getWidth(), pair, rows, 0, img.getWidth());
            for (int x = 0; x < w; x++) {
                int x1 = Math.min(2 * x + 1, img.getWidth() - 1);
                int y1 = pair == 2 ? img.getWidth() : 0;
                int[] four = {rows[2 * x], rows[x1], rows[y1 + 2 * x], rows[y1 + x1]};
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int p : four) {
                    red += p >> 16 & 255;
                    green += p >> 8 & 255;
                    blue += p & 255;
                }
                dst[y * w + x] = (red >> 2) << 16 | (green >> 2) << 8 | (blue >> 2);
            }
        }
        return out;
    }

    /** Reads the first image of {@code bytes} at every {@code step(width, height)}-th pixel, then {@code then}. */
    private static BufferedImage read(byte[] bytes, java.util.function.IntBinaryOperator step,
                                      java.util.function.UnaryOperator<BufferedImage> then) throws IOException {
        try (ImageInputStream in = new BytesImageInput(bytes)) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                throw new IOException("not an image");
            }
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                int n = step.applyAsInt(r.getWidth(0), r.getHeight(0));
                ImageReadParam p = r.getDefaultReadParam();
                p.setSourceSubsampling(n, n, 0, 0);
                // straight into int pixels when the reader can: what the screen's image and the scaling take
                for (Iterator<ImageTypeSpecifier> types = r.getImageTypes(0); types.hasNext(); ) {
                    ImageTypeSpecifier t = types.next();
                    if (t.getBufferedImageType() == BufferedImage.TYPE_INT_RGB) {
                        p.setDestinationType(t);
                        break;
                    }
                }
                return then.apply(r.read(0, p));
            } finally {
                r.dispose();
            }
        }
    }

    /** {@code raw} turned upright by its EXIF {@code orientation} (1-8) and scaled by {@code scale}. */
    static BufferedImage upright(BufferedImage raw, int orientation, double scale) {
        int w = Math.max(1, (int) Math.round(raw.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(raw.getHeight() * scale));
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        t.concatenate(AffineTransform.getScaleInstance(scale, scale));
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(raw, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

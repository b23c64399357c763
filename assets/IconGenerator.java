import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the SMTP Doctor app icon (a white envelope on a blue tile with a red medical-cross badge) as PNGs.
 *
 * <p>The icon is drawn from vector shapes at every size instead of scaling one bitmap, so the small sizes stay
 * sharp; the smallest sizes use a thicker flap line and a bigger badge so they still read at 16 px.
 * Run with the JDK only: {@code java -Djava.awt.headless=true assets/IconGenerator.java OUT_DIR [SIZES...]}.
 */
public final class IconGenerator {

    private static final Color TILE_TOP = new Color(0x2A, 0x8B, 0xF2);
    private static final Color TILE_BOTTOM = new Color(0x12, 0x4E, 0xB0);
    private static final Color ENVELOPE = new Color(0xFF, 0xFF, 0xFF);
    private static final Color FLAP = new Color(0x12, 0x4E, 0xB0);
    private static final Color BADGE = new Color(0xE5, 0x39, 0x35);
    private static final Color CROSS = Color.WHITE;

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java assets/IconGenerator.java OUT_DIR [SIZE...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        int[] sizes = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
        if (args.length > 1) {
            sizes = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                sizes[i - 1] = Integer.parseInt(args[i]);
            }
        }
        for (int size : sizes) {
            ImageIO.write(draw(size), "png", out.resolve("icon-" + size + ".png").toFile());
        }
    }

    private static double snap(double v, boolean small) {
        return small ? Math.round(v) : v;
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size;
        boolean small = size <= 32;

        // tile: rounded square with a soft vertical gradient
        double inset = small ? 0 : s * 0.04;
        g.setPaint(new GradientPaint(0, (float) inset, TILE_TOP, 0, (float) (s - inset), TILE_BOTTOM));
        double arc = s * (small ? 0.3 : 0.36);
        g.fill(new RoundRectangle2D.Double(inset, inset, s - 2 * inset, s - 2 * inset, arc, arc));

        // envelope body
        double ex = snap(s * (small ? 0.10 : 0.16), small);
        double ey = snap(s * (small ? 0.20 : 0.27), small);
        double ew = s - 2 * ex;
        double eh = snap(s * (small ? 0.50 : 0.44), small);
        g.setColor(ENVELOPE);
        g.fill(new RoundRectangle2D.Double(ex, ey, ew, eh, s * 0.06, s * 0.06));

        // envelope flap: a V from the top corners to the middle
        float line = (float) Math.max(1.2, s * (small ? 0.09 : 0.045));
        g.setColor(FLAP);
        g.setStroke(new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D flap = new Path2D.Double();
        double pad = line * 0.9;
        flap.moveTo(ex + pad, ey + pad);
        flap.lineTo(s / 2, ey + eh * 0.58);
        flap.lineTo(ex + ew - pad, ey + pad);
        g.draw(flap);

        // badge: red disc with a white ring and a white medical cross
        double r = s * (small ? 0.27 : 0.215);
        double cx = snap(s * (small ? 0.70 : 0.72), small);
        double cy = snap(s * (small ? 0.70 : 0.72), small);
        double ring = Math.max(1.0, s * 0.03);
        g.setColor(CROSS);
        g.fill(new Ellipse2D.Double(cx - r - ring, cy - r - ring, 2 * (r + ring), 2 * (r + ring)));
        g.setColor(BADGE);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        // on small sizes the cross sits on whole pixels: an even bar width centred on a pixel edge
        double bar = small ? Math.max(2, 2 * Math.round(r * 0.24)) : r * 0.40;
        double arm = small ? bar + 2 * Math.max(2, Math.round(r * 0.36)) : r * 1.2;
        g.setColor(CROSS);
        g.fill(new RoundRectangle2D.Double(cx - arm / 2, cy - bar / 2, arm, bar, bar * 0.3, bar * 0.3));
        g.fill(new RoundRectangle2D.Double(cx - bar / 2, cy - arm / 2, bar, arm, bar * 0.3, bar * 0.3));

        g.dispose();
        return img;
    }
}

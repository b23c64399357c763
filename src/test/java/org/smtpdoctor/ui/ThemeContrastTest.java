package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The theme's colour tokens, read from the one stylesheet, meet WCAG contrast: every text colour on every surface
 * it is drawn on at least 4.5:1, the focus ring against the surfaces at least 3:1.
 */
class ThemeContrastTest {

    private static final Pattern TOKEN = Pattern.compile("(-sd-[a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");
    private static final List<String> TEXT = List.of("-sd-text", "-sd-text-muted", "-sd-accent", "-sd-ok", "-sd-warn",
            "-sd-danger");
    private static final List<String> SURFACES = List.of("-sd-surface", "-sd-surface-subtle", "-sd-accent-subtle",
            "-sd-ok-subtle", "-sd-warn-subtle", "-sd-danger-subtle");

    private static Map<String, String> tokens() throws IOException {
        try (InputStream in = WizardView.class.getResourceAsStream(WizardView.STYLESHEET)) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> tokens = new LinkedHashMap<>();
            Matcher m = TOKEN.matcher(css);
            while (m.find()) {
                tokens.putIfAbsent(m.group(1), m.group(2));
            }
            return tokens;
        }
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void everyTextTokenReadsOnEverySurface() throws IOException {
        Map<String, String> t = tokens();
        List<String> weak = new ArrayList<>();
        for (String text : TEXT) {
            for (String surface : SURFACES) {
                double ratio = contrast(t.get(text), t.get(surface));
                if (ratio < 4.5) {
                    weak.add(String.format("%s on %s: %.2f", text, surface, ratio));
                }
            }
        }
        assertEquals(List.of(), weak);
    }

    @Test
    void theFocusRingStandsOutFromEverySurface() throws IOException {
        Map<String, String> t = tokens();
        for (String surface : SURFACES) {
            double ratio = contrast(t.get("-sd-focus"), t.get(surface));
            assertTrue(ratio >= 3.0, String.format("focus ring on %s: %.2f", surface, ratio));
        }
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
    }
}

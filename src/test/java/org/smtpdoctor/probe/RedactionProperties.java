package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** For any password and any encoding a server or log may echo it in, the redactor leaves none of it. */
class RedactionProperties {

    /** The encodings of a password that must never survive. */
    enum Encoding {
        CLEAR, URL_PLUS, URL_PERCENT_20, URL_LOWER_HEX, PLUS_FOR_SPACE, BASE64, BASE64_UNPADDED, BASE64_URL,
        ISO_8859_1_VIEW;

        String encode(String secret) {
            byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
            String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            switch (this) {
                case CLEAR: return secret;
                case URL_PLUS: return url;
                case URL_PERCENT_20: return url.replace("+", "%20");
                case URL_LOWER_HEX: return lowerHex(url);
                case PLUS_FOR_SPACE: return secret.replace(' ', '+');
                case BASE64: return Base64.getEncoder().encodeToString(utf8);
                case BASE64_UNPADDED: return Base64.getEncoder().withoutPadding().encodeToString(utf8);
                case BASE64_URL: return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
                default: return new String(utf8, StandardCharsets.ISO_8859_1);
            }
        }

        private static String lowerHex(String url) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                boolean hex = i > 0 && (url.charAt(i - 1) == '%' || i > 1 && url.charAt(i - 2) == '%');
                sb.append(hex ? Character.toLowerCase(c) : c);
            }
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("äéüß€日本\u00a0").ofMinLength(1).ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', ':', '[', ']').ofMaxLength(30);
    }

    @Property(tries = 400)
    void noEncodingSurvivesInOneLine(@ForAll("passwords") String password, @ForAll Encoding encoding,
            @ForAll("words") String before, @ForAll("words") String after) {
        String form = encoding.encode(password);
        String scrubbed = new Redactor("alice", password).scrub("535 5.7.8 " + before + form + after);

        assertNoForm(form, scrubbed);
    }

    @Property(tries = 400)
    void noEncodingSurvivesSplitAcrossReplyLines(@ForAll("passwords") String password, @ForAll Encoding encoding,
            @ForAll("words") String before, @ForAll @IntRange(min = 0, max = 100) int cut) {
        String form = encoding.encode(password);
        int at = Math.min(cut, form.length());
        String reply = "535-5.7.8 " + before + form.substring(0, at) + "\n535 5.7.8 " + form.substring(at) + " end";
        String scrubbed = new Redactor("alice", password).scrub(reply);

        String joined = String.join("", scrubbed.replace("\n535 5.7.8 ", "\n").split("\n"));
        assertNoForm(form, joined);
    }

    /** The form appears nowhere outside the masks (the mask's own letters may spell a short password). */
    private static void assertNoForm(String form, String text) {
        for (String piece : text.split(java.util.regex.Pattern.quote(Redactor.MASK), -1)) {
            assertFalse(piece.contains(form), () -> "'" + form + "' survives in: " + text);
        }
    }
}

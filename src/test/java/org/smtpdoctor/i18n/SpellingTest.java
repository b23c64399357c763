package org.smtpdoctor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One English spelling in every text a person reads (British, as the rest of the project): no "center" beside
 * "centre". Product names keep their own spelling ("Microsoft 365 admin center" is what that page is called).
 */
class SpellingTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    /** American forms and their British twins the texts use. */
    private static final Pattern AMERICAN = Pattern.compile("\\b(center(s|ed)?|color(s|ed)?|"
            + "behavior(s)?|organization(s)?|organize[ds]?|recogniz(e|ed|es|ing)|cancel(ed|ing)|analyz(e|ed|es)|"
            + "favorite(s)?|customiz(e|ed)|authoriz(e|ed|ation)|normaliz(e|ed)|summariz(e|ed)|minimiz(e|ed)|"
            + "maximiz(e|ed)|licens(ed|ing) |catalog|dialog)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> PROPER_NAMES = List.of("Microsoft 365 admin center");

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
    }

    @Test
    void everyBundleUsesBritishSpelling() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path bundle : bundles()) {
            List<String> lines = Files.readAllLines(bundle, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("#")) {
                    continue;
                }
                String text = line;
                for (String name : PROPER_NAMES) {
                    text = text.replace(name, "");
                }
                Matcher m = AMERICAN.matcher(text);
                while (m.find()) {
                    found.add(RESOURCES.relativize(bundle) + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theCheckFindsAmericanSpelling() {
        assertTrue(AMERICAN.matcher("the admin center").find());
        assertTrue(AMERICAN.matcher("it was canceled").find());
        assertTrue(!AMERICAN.matcher("the admin centre, cancelled").find());
    }
}

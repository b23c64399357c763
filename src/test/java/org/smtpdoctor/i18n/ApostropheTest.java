package org.smtpdoctor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text is a {@link java.text.MessageFormat} pattern once it has arguments, and a lone apostrophe there starts a
 * quote and disappears ("The servers encryption", seen under Xvfb): every apostrophe in a bundle is written twice.
 */
class ApostropheTest {

    private static final Pattern LONE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyApostropheInEveryBundleIsDoubled() throws IOException {
        List<String> lone = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0 && LONE.matcher(line.substring(eq + 1)).find()) {
                        lone.add(f.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), lone);
    }
}

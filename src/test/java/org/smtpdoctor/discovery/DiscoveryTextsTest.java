package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.smtpdoctor.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.providers.Requirement;

class DiscoveryTextsTest {

    private static Set<String> keys(String bundle) {
        return new TreeSet<>(ResourceBundle.getBundle(bundle, Locale.ROOT).keySet());
    }

    @Test
    void discoveryBundleHasExactlyTheKeysTheEnumsAndCandidateLineNeed() {
        Set<String> expected = new TreeSet<>();
        for (CandidateStatus s : CandidateStatus.values()) {
            expected.add("discovery.status." + Messages.jsonName(s));
        }
        for (CandidateSource s : CandidateSource.values()) {
            expected.add("discovery.source." + Messages.jsonName(s));
        }
        for (Requirement r : Requirement.values()) {
            expected.add("discovery.note." + r.name().toLowerCase(Locale.ROOT));
        }
        for (SharedFailure f : SharedFailure.values()) {
            expected.add(f.key());
        }
        expected.add("discovery.candidate");

        assertEquals(expected, keys(DiscoveryTexts.BUNDLE));
    }

    @Test
    void findCommandBundleHasNoMissingAndNoUnusedKey() throws IOException {
        String source = Files.readString(Path.of("src/main/java/org/smtpdoctor/cli/FindCommand.java"))
                + Files.readString(Path.of("src/main/java/org/smtpdoctor/cli/FindSummary.java"));
        Matcher m = Pattern.compile("\"(find\\.[a-z_.]+)\"").matcher(source);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> bundle = keys("org.smtpdoctor.cli.find");
        Set<String> dynamic = bundle.stream().filter(k -> k.startsWith("find.setting.")).collect(Collectors.toSet());
        Set<String> missing = used.stream().filter(k -> !k.endsWith(".") && !bundle.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unused = bundle.stream().filter(k -> !used.contains(k) && !dynamic.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(Set.of(), missing);
        assertEquals(Set.of(), unused);
        assertTrue(Stream.of("server_host", "port", "security", "auth_method", "username")
                .allMatch(s -> bundle.contains("find.setting." + s)));
    }
}

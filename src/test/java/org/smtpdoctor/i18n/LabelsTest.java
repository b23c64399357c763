package org.smtpdoctor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.diagnosis.Actor;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.AuthMethod;

/**
 * The labels of the shared vocabulary have one home each, the bundle of the package that owns the enum, and every
 * constant has one there; the fronts' bundles hold none of them.
 */
class LabelsTest {

    private static final List<Class<? extends Enum<?>>> VOCABULARY = List.of(Phase.class, Verdict.class,
            Actor.class, AuthMethod.class);
    /**
     * The bundles of the fronts. Not {@code clients}: it holds each mail program's own words for a setting's values
     * ("on (box ticked)"), which is advice, not a label.
     */
    private static final List<String> FRONT_BUNDLES = List.of("org.smtpdoctor.cli.messages",
            "org.smtpdoctor.ui.messages", "org.smtpdoctor.report.messages");

    @Test
    void everyConstantHasALabelInItsOwnPackage() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : VOCABULARY) {
            Messages home = Messages.of(Messages.labelBundle(type), Locale.ROOT);
            for (Enum<?> constant : type.getEnumConstants()) {
                if (!home.has(Messages.labelKey(constant)) || Messages.label(constant).isBlank()) {
                    missing.add(Messages.labelBundle(type) + ": " + Messages.labelKey(constant));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theProbeBundleHoldsThePhaseLabelsAndNothingElse() {
        Set<String> keys = new TreeSet<>(Messages.of(Messages.labelBundle(Phase.class), Locale.ROOT).bundle().keySet());
        Set<String> labels = new TreeSet<>(Stream.of(Phase.values()).map(Messages::labelKey).toList());
        assertEquals(labels, keys);
    }

    @Test
    void noFrontDefinesItsOwnLabels() {
        for (String front : FRONT_BUNDLES) {
            for (String key : Messages.of(front, Locale.ROOT).bundle().keySet()) {
                for (Class<? extends Enum<?>> type : VOCABULARY) {
                    String prefix = Messages.labelKey(type.getEnumConstants()[0]).split("\\.")[0] + ".";
                    assertFalse(key.startsWith(prefix), front + " defines " + key);
                }
                assertFalse(isOldStyleLabel(key), front + " defines a label of its own: " + key);
            }
        }
    }

    /**
     * A key like {@code report.phase.auth}, {@code diagnosis.verdict.WORKS} or {@code auth.PLAIN}. The wizard's
     * progress lines ({@code testing.phase.*}, "Connecting to {0}") and its who-acts sentences
     * ({@code result.actor.*}) are sentences, not labels.
     */
    private static boolean isOldStyleLabel(String key) {
        if (key.startsWith("testing.phase.") || key.startsWith("result.actor.")) {
            return false;
        }
        List<String> parts = List.of(key.split("\\."));
        String last = parts.get(parts.size() - 1);
        boolean vocabularyWord = parts.size() > 1 && Set.of("phase", "verdict", "actor", "banner", "auth")
                .contains(parts.get(parts.size() - 2));
        return vocabularyWord && VOCABULARY.stream().flatMap(t -> Stream.of(t.getEnumConstants()))
                .anyMatch(c -> last.equals(c.name()) || last.equals(Messages.keyPart(c)));
    }

    @Test
    void aLabelKeyNamesTheEnumAndTheConstant() {
        assertEquals("phase.tlsHandshake", Messages.labelKey(Phase.TLS_HANDSHAKE));
        assertEquals("authMethod.cramMd5", Messages.labelKey(AuthMethod.CRAM_MD5));
        assertEquals("org.smtpdoctor.diagnosis.messages", Messages.labelBundle(Verdict.class));
        assertTrue(Messages.label(Verdict.FIX_SETTING, Locale.ROOT).startsWith("Change"));
    }
}

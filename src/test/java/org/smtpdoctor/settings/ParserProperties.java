package org.smtpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.probe.CertificatePin;
import org.smtpdoctor.probe.HostNames;
import org.smtpdoctor.probe.Reply;
import org.smtpdoctor.report.Masking;

/** Host, port, address and fingerprint parsers never throw anything but a clear IllegalArgumentException. */
class ParserProperties {

    /** Generous: the machine may be busy; an unbounded (quadratic, recursive) parser takes far longer or overflows. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Provide
    Arbitrary<String> hostLike() {
        Arbitrary<String> token = Arbitraries.of("smtp", ".", "example", "com", ":", "587", "[", "]", "::1", "@",
                "smtp://", "user:pw@", "/", " ", "\t", "ü", "xn--", "-", "_", "*", "127.0.0.1", "\"", "<", ">",
                "mailto:", "a.", "\u0000", "\u202e", "%", "+", "\\");
        return Arbitraries.oneOf(token.list().ofMaxSize(400).map(l -> String.join("", l)),
                Arbitraries.strings().all().ofMaxLength(80));
    }

    @Property(tries = 300)
    void settingsValidationNeverThrows(@ForAll("hostLike") String host, @ForAll("hostLike") String port,
            @ForAll("hostLike") String user, @ForAll("hostLike") String from, @ForAll("hostLike") String to) {
        assertTimeoutPreemptively(BOUND, () -> assertNotNull(SettingsValidator.validate(new SettingsInput(host, port,
                Security.STARTTLS, AuthMethod.AUTO, user, Secret.of("pw"), from, to))));
    }

    @Property(tries = 300)
    void otherParsersNeverThrowAnythingElse(@ForAll("hostLike") String text, @ForAll("hostLike") String other) {
        assertTimeoutPreemptively(BOUND, () -> {
            onlyIllegalArgument(() -> FindRequest.of(text));
            onlyIllegalArgument(() -> CertificatePin.parse(text));
            HostNames.matchesName(text, other);
            HostNames.isIpLiteral(text);
            Reply.parse(text);
        });
    }

    @Property(tries = 60)
    void deeplyRepeatedPiecesNeverOverflow(@ForAll("hostLike") String piece, @ForAll @IntRange(min = 1, max = 5000)
            int times, @ForAll("hostLike") String around) {
        String text = around + piece.repeat(times) + around;
        assertTimeoutPreemptively(BOUND, () -> {
            assertNotNull(SettingsValidator.validate(new SettingsInput(text, "587", Security.STARTTLS,
                    AuthMethod.AUTO, text, Secret.of("pw"), text, text)));
            assertNotNull(Masking.maskText(text, List.of("alice")));
            onlyIllegalArgument(() -> FindRequest.of(text));
        });
    }

    private static void onlyIllegalArgument(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            // the one way to say "this is not valid"
        }
    }
}

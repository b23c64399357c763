package org.smtpdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * msmtpd 1.8.23 (Debian's msmtp-mta, the small SMTP server of msmtp, run for real on loopback; docs/REAL-SERVERS.md,
 * tenth session) refuses an {@code AUTH PLAIN} whose authorization identity is not empty with "535 Authentication
 * failed", although the password is right. Mail programs (Thunderbird, Outlook, Apple Mail) send an empty one
 * ({@code \0user\0password}); Jakarta Mail fills in the user name unless told otherwise, so SMTP Doctor said
 * "Password" where the mail program signs in.
 */
class MsmtpdServerTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Sesame-0pen";

    /** msmtpd's check: the first field of the PLAIN answer must be empty. */
    private static FakeSmtpServer refusingAnAuthorizationIdentity() {
        return FakeSmtpServer.builder().greeting("220 localhost ESMTP msmtpd").starttls(TestCertificates.localhost())
                .auth(USER, PASSWORD, "PLAIN")
                .on(Verb.AUTH, (command, session) -> {
                    String[] words = command.argument().strip().split("\\s+");
                    if (words.length == 2 && "PLAIN".equals(words[0].toUpperCase(Locale.ROOT))) {
                        String decoded = new String(Base64.getDecoder().decode(words[1]), StandardCharsets.UTF_8);
                        if (!decoded.startsWith("\0")) {
                            return Action.reply("535 Authentication failed");
                        }
                    }
                    return Action.proceed();
                })
                .start();
    }

    @Test
    void plainSignInSendsAnEmptyAuthorizationIdentityAsMailProgramsDo() {
        try (FakeSmtpServer server = refusingAnAuthorizationIdentity()) {
            ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withTrustedCertificates(List.of(TestCertificates.ca()));
            AccountSettings settings = new AccountSettings("127.0.0.1", server.port(), Security.STARTTLS,
                    AuthMethod.PLAIN, USER, Secret.of(PASSWORD), USER, "bob@example.test");

            ProbeResult result = new Prober(options).probe(settings, ProbeListener.NONE);

            assertTrue(result.success(), "the right password signs in: " + result.failure() + " " + result.detail());
            assertFalse(result.transcript().render().contains(PASSWORD), "the password stays out of the transcript");
        }
    }
}

package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.ProbeResults.probe;
import static org.smtpdoctor.probe.FailureKind.*;
import static org.smtpdoctor.probe.Phase.*;

import java.util.Optional;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.probe.OtherService;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Step;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/** One row per (phase, code or failure kind, evidence) case of a probe: evidence beats code tables. */
class DiagnoserProbeTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    static Stream<Arguments> rows() {
        return Stream.of(
                row("certificate host mismatch names the certificate's own name",
                        probe("mail.example-shop.com", 465, Security.SSL_TLS).failed(TLS_HANDSHAKE, CERT_HOST_MISMATCH)
                                .certificate(true, false, "*.hostinger.com", "hostinger.com"),
                        Setting.SERVER_HOST, "smtp.hostinger.com"),
                row("a certificate for another organisation's name at a large provider's server is something in"
                        + " between (a host's or network's redirect), not a server name to use",
                        probe("smtp.office365.com", 587, Security.STARTTLS).failed(TLS_HANDSHAKE, CERT_HOST_MISMATCH)
                                .certificate(true, false, "*.secureserver.net", "secureserver.net"),
                        Setting.NETWORK_OR_FIREWALL, null),
                row("certificate host mismatch without a provider uses the certificate's plain name",
                        probe("mail.example.org", 587, Security.STARTTLS).failed(TLS_HANDSHAKE, CERT_HOST_MISMATCH)
                                .certificate(true, false, "server17.hosting.example.net"),
                        Setting.SERVER_HOST, "server17.hosting.example.net"),
                row("sign-in offered only after encryption points at STARTTLS",
                        probe("smtp.example.org", 587, Security.NONE).signIn("me@example.org")
                                .failed(AUTH, AUTH_ONLY_AFTER_TLS).passed(DNS, CONNECT, GREETING, EHLO)
                                .capabilities("STARTTLS", "SIZE 1000"),
                        Setting.SECURITY, "STARTTLS"),
                row("capabilities alone show sign-in after encryption",
                        probe("smtp.example.org", 587, Security.NONE).signIn("me@example.org")
                                .failed(AUTH, AUTH_NOT_OFFERED).capabilities("STARTTLS"),
                        Setting.SECURITY, "STARTTLS"),
                row("silent port that answered a TLS hello wants SSL/TLS",
                        probe("smtp.example.org", 465, Security.STARTTLS).failed(GREETING, TLS_WHERE_PLAINTEXT_EXPECTED),
                        Setting.SECURITY, "SSL/TLS"),
                row("plain reply to a TLS hello on 587 wants STARTTLS",
                        probe("smtp.example.org", 587, Security.SSL_TLS).failed(TLS_HANDSHAKE,
                                PLAINTEXT_WHERE_TLS_EXPECTED),
                        Setting.SECURITY, "STARTTLS"),
                row("plain reply to a TLS hello on an odd port without encryption wants port 587",
                        probe("smtp.example.org", 2526, Security.SSL_TLS).failed(TLS_HANDSHAKE,
                                PLAINTEXT_WHERE_TLS_EXPECTED),
                        Setting.PORT, "587"),
                row("plain reply on an odd port that offers STARTTLS wants STARTTLS",
                        probe("smtp.example.org", 2526, Security.SSL_TLS).failed(TLS_HANDSHAKE,
                                PLAINTEXT_WHERE_TLS_EXPECTED).capabilities("STARTTLS"),
                        Setting.SECURITY, "STARTTLS"),
                row("connect timeout on port 25 wants 587",
                        probe("smtp.example.org", 25, Security.NONE).failed(CONNECT, CONNECT_TIMEOUT),
                        Setting.PORT, "587"),
                row("connect timeout on 587 points at the network",
                        probe("smtp.example.org", 587, Security.STARTTLS).failed(CONNECT, CONNECT_TIMEOUT),
                        Setting.NETWORK_OR_FIREWALL, null),
                row("connect timeout on an undocumented port of a provider names its port",
                        probe("smtp.gmail.com", 25, Security.STARTTLS).failed(CONNECT, CONNECT_TIMEOUT),
                        Setting.PORT, "587"),
                row("535 with a bare username at a full-address provider wants the sender address",
                        probe("smtp.gmail.com", 587, Security.STARTTLS).signIn("jane").sender("jane@gmail.com")
                                .failed(AUTH, AUTH_REJECTED).reply("535-5.7.8 Username and Password not accepted.\n"
                                        + "535 5.7.8 https://support.google.com/mail/?p=BadCredentials - gsmtp"),
                        Setting.USERNAME, "jane@gmail.com"),
                row("535 at SendGrid signed in with an address wants its fixed user name",
                        probe("smtp.sendgrid.net", 587, Security.STARTTLS).signIn("alerts@example.org")
                                .failed(AUTH, AUTH_REJECTED).reply("535 Authentication failed: Bad username / password"),
                        Setting.USERNAME, "apikey"),
                row("535 at Resend signed in with another name wants its fixed user name",
                        probe("smtp.resend.com", 465, Security.SSL_TLS).signIn("my-team")
                                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.8 Authentication credentials invalid"),
                        Setting.USERNAME, "resend"),
                row("535 at SendGrid signed in as apikey is the key, not the name",
                        probe("smtp.sendgrid.net", 587, Security.STARTTLS).signIn("apikey")
                                .failed(AUTH, AUTH_REJECTED).reply("535 Authentication failed: Bad username / password"),
                        Setting.PASSWORD, null),
                row("535 at Gmail wants an app password",
                        probe("smtp.gmail.com", 587, Security.STARTTLS).signIn("jane@gmail.com")
                                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.8 Username and Password not accepted."),
                        Setting.APP_PASSWORD, null),
                row("534 5.7.9 at Gmail wants an app password",
                        probe("smtp.gmail.com", 465, Security.SSL_TLS).signIn("jane@gmail.com")
                                .failed(AUTH, AUTH_REJECTED)
                                .reply("534-5.7.9 Application-specific password required.\n534 5.7.9 Learn more"),
                        Setting.APP_PASSWORD, null),
                row("534 over an unencrypted connection wants encryption, named as a connection security",
                        probe("mail.example.org", 587, Security.NONE).signIn("jane@example.org")
                                .failed(AUTH, AUTH_REJECTED).reply("534 5.7.9 Authentication mechanism is too weak"),
                        Setting.SECURITY, "STARTTLS"),
                row("534 over an encrypted connection wants another sign-in method, with no value of another field",
                        probe("mail.example.org", 465, Security.SSL_TLS).signIn("jane@example.org")
                                .failed(AUTH, AUTH_REJECTED).reply("534 5.7.9 Authentication mechanism is too weak"),
                        Setting.AUTH_METHOD, null),
                row("535 at iCloud wants an app password",
                        probe("smtp.mail.me.com", 587, Security.STARTTLS).signIn("jane@icloud.com")
                                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.8 Authentication failed"),
                        Setting.APP_PASSWORD, null),
                row("535 at a provider without app passwords is the password",
                        probe("mail.example.org", 587, Security.STARTTLS).signIn("jane@example.org")
                                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.8 Error: authentication failed"),
                        Setting.PASSWORD, null),
                row("Microsoft 365 535 5.7.139 wants SMTP AUTH switched on",
                        probe("smtp.office365.com", 587, Security.STARTTLS).signIn("jane@contoso.com")
                                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.139 Authentication unsuccessful, "
                                        + "SmtpClientAuthentication is disabled for the Tenant. Visit "
                                        + "https://aka.ms/smtp_auth_disabled for more information."),
                        Setting.ENABLE_SMTP_AUTH_AT_PROVIDER, null),
                row("Outlook.com password sign-in is refused: OAuth only",
                        probe("smtp-mail.outlook.com", 587, Security.STARTTLS).signIn("jane@outlook.com")
                                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.139 Authentication unsuccessful, basic "
                                        + "authentication is disabled."),
                        Setting.AUTH_METHOD, "xoauth2"),
                row("550 5.7.60 wants the sender address changed",
                        probe("smtp.office365.com", 587, Security.STARTTLS).signIn("jane@contoso.com")
                                .sender("boss@contoso.com").passed(AUTH).failed(END_OF_DATA, SERVER_REJECTED)
                                .reply("550 5.7.60 SMTP; Client does not have permissions to send as this sender"),
                        Setting.SENDER_ADDRESS, "jane@contoso.com"),
                row("553 5.7.1 sender not owned wants the sender address changed",
                        probe("mail.example.org", 587, Security.STARTTLS).signIn("jane@example.org")
                                .sender("other@example.com").passed(AUTH).failed(MAIL_FROM, SERVER_REJECTED)
                                .reply("553 5.7.1 <other@example.com>: Sender address rejected: not owned by user "
                                        + "jane@example.org"),
                        Setting.SENDER_ADDRESS, "jane@example.org"),
                row("relay denied at RCPT without sign-in wants sign-in on",
                        probe("mail.example.org", 25, Security.NONE).recipient("bob@elsewhere.example")
                                .failed(RCPT_TO, SERVER_REJECTED).reply("554 5.7.1 <bob@elsewhere.example>: Relay "
                                        + "access denied"),
                        Setting.AUTH_METHOD, "plain"),
                row("5.7.1 at RCPT without sign-in and without words wants sign-in on",
                        probe("mail.example.org", 587, Security.STARTTLS).recipient("bob@elsewhere.example")
                                .failed(RCPT_TO, SERVER_REJECTED).reply("550 5.7.1 Not allowed"),
                        Setting.AUTH_METHOD, "plain"),
                row("530 at MAIL FROM wants sign-in on",
                        probe("smtp.example.org", 587, Security.STARTTLS).failed(MAIL_FROM, SERVER_REJECTED)
                                .reply("530 5.7.0 Authentication required"),
                        Setting.AUTH_METHOD, "plain"),
                row("550 at MAIL FROM is the sender",
                        probe("smtp.example.org", 587, Security.STARTTLS).signIn("a@example.org").passed(AUTH)
                                .failed(MAIL_FROM, SERVER_REJECTED).reply("550 Sender not allowed"),
                        Setting.SENDER_ADDRESS, "a@example.org"),
                row("550 at RCPT TO is the recipient",
                        probe("smtp.example.org", 587, Security.STARTTLS).signIn("a@example.org").passed(AUTH)
                                .failed(RCPT_TO, SERVER_REJECTED).reply("550 5.1.1 <x@example.org>: Recipient "
                                        + "address rejected: User unknown in virtual mailbox table"),
                        Setting.RECIPIENT_ADDRESS, null),
                row("554 in the greeting means the server refuses this network",
                        probe("smtp.example.org", 25, Security.NONE).failed(GREETING, SERVER_REJECTED)
                                .reply("554 smtp.example.org ESMTP not accepting connections"),
                        Setting.NETWORK_OR_FIREWALL, null),
                row("421 is wait and retry",
                        probe("smtp.example.org", 587, Security.STARTTLS).failed(GREETING, SERVER_REJECTED)
                                .reply("421 4.7.0 Try again later, closing connection."),
                        Setting.WAIT_AND_RETRY, null),
                row("450 greylisting is wait and retry",
                        probe("smtp.example.org", 587, Security.STARTTLS).signIn("a@example.org").passed(AUTH)
                                .failed(RCPT_TO, SERVER_REJECTED)
                                .reply("450 4.2.0 <x@example.net>: Recipient address rejected: Greylisted"),
                        Setting.WAIT_AND_RETRY, null),
                row("451 is wait and retry",
                        probe("smtp.example.org", 587, Security.STARTTLS).failed(MAIL_FROM, SERVER_REJECTED)
                                .reply("451 4.3.0 Local error in processing"),
                        Setting.WAIT_AND_RETRY, null),
                row("unknown host one typo from a provider host is corrected",
                        probe("smtp.gmial.com", 587, Security.STARTTLS).failed(DNS, UNKNOWN_HOST),
                        Setting.SERVER_HOST, "smtp.gmail.com"),
                row("unknown host far from every provider host has no value",
                        probe("smtp.nowhere-at-all.example", 587, Security.STARTTLS).failed(DNS, UNKNOWN_HOST),
                        Setting.SERVER_HOST, null),
                row("the address domain typed as server names the provider's server",
                        probe("gmail.com", 587, Security.STARTTLS).failed(CONNECT, CONNECT_TIMEOUT),
                        Setting.SERVER_HOST, "smtp.gmail.com"),
                row("an incoming-mail port wants the sending port",
                        probe("mail.example.org", 993, Security.SSL_TLS).failed(GREETING, NOT_SMTP)
                                .otherService(OtherService.IMAP),
                        Setting.PORT, "465"),
                row("refused on this computer itself points at the server name",
                        probe("localhost", 587, Security.STARTTLS).failed(CONNECT, CONNECTION_REFUSED),
                        Setting.SERVER_HOST, null),
                row("refused on 465 suggests 587",
                        probe("mail.example.org", 465, Security.SSL_TLS).failed(CONNECT, CONNECTION_REFUSED),
                        Setting.PORT, "587"),
                row("untrusted certificate of a documented provider server means interception",
                        probe("smtp.gmail.com", 465, Security.SSL_TLS).failed(TLS_HANDSHAKE, CERT_UNTRUSTED)
                                .certificate(false, true, "smtp.gmail.com"),
                        Setting.NETWORK_OR_FIREWALL, null),
                row("no common sign-in method names the one the server offers",
                        probe("mail.example.org", 587, Security.STARTTLS).signIn("a@example.org")
                                .failed(AUTH, AUTH_NO_COMMON_MECHANISM).capabilities("STARTTLS")
                                .capabilitiesAfterTls("AUTH PLAIN LOGIN"),
                        Setting.AUTH_METHOD, "plain"),
                row("password kept back on an unencrypted connection wants STARTTLS when offered",
                        probe("mail.example.org", 587, Security.NONE).signIn("a@example.org")
                                .failed(AUTH, PLAINTEXT_AUTH_BLOCKED).capabilities("STARTTLS", "AUTH PLAIN"),
                        Setting.SECURITY, "STARTTLS"),
                row("read timeout on 465 with STARTTLS wants SSL/TLS",
                        probe("mail.example.org", 465, Security.STARTTLS).failed(GREETING, READ_TIMEOUT),
                        Setting.SECURITY, "SSL/TLS"),
                row("relay denied after signing in is for the provider",
                        probe("mail.example.org", 587, Security.STARTTLS).signIn("a@example.org").passed(AUTH)
                                .failed(RCPT_TO, SERVER_REJECTED).reply("554 5.7.1 <b@x.example>: Relay access denied"),
                        Setting.CONTACT_PROVIDER, null),
                row("552 5.3.4 at the end of the message is its size",
                        probe("mail.example.org", 587, Security.STARTTLS).signIn("a@example.org").passed(AUTH)
                                .failed(END_OF_DATA, SERVER_REJECTED).reply("552 5.3.4 Message size exceeds fixed "
                                        + "maximum message size"),
                        Setting.MESSAGE_CONTENT_OR_SIZE, null));
    }

    private static Arguments row(String name, ProbeResults probe, Setting setting, String value) {
        return Arguments.of(name, probe.build(), setting, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void probeEvidenceLeadsToTheSettingAndValue(String name, ProbeResult result, Setting setting, String value) {
        Diagnosis d = DIAGNOSER.diagnose(result);
        assertEquals(setting, d.setting(), () -> name + " -> " + d.ruleId() + ": " + d.title());
        assertEquals(Optional.ofNullable(value), d.suggestedValue().map(SettingValue::neutral),
                () -> name + " -> " + d.ruleId());
    }

    @Test
    void aSendingServiceRefusingItsOwnFixedNameAsksForTheKeyNotTheWebmailPassword() {
        Diagnosis d = DIAGNOSER.diagnose(probe("smtp.sendgrid.net", 587, Security.STARTTLS).signIn("apikey")
                .failed(AUTH, AUTH_REJECTED).reply("535 Authentication failed: Bad username / password").build());
        assertEquals("auth.api_key_password", d.ruleId());
        assertTrue(d.explanation().contains("key"), d.explanation());
        assertTrue(d.thingsToTry().stream().noneMatch(t -> t.contains("webmail")), d.thingsToTry()::toString);
        Diagnosis named = DIAGNOSER.diagnose(probe("smtp.sendgrid.net", 587, Security.STARTTLS)
                .signIn("alerts@example.org").failed(AUTH, AUTH_REJECTED)
                .reply("535 Authentication failed: Bad username / password").build());
        assertTrue(named.title().contains("apikey"), named.title());
        assertTrue(named.thingsToTry().stream().anyMatch(t -> t.contains("new one")), named.thingsToTry()::toString);
    }

    @Test
    void successfulProbeWorks() {
        Diagnosis d = DIAGNOSER.diagnose(probe("smtp.example.org", 587, Security.STARTTLS).succeeded().build());
        assertEquals(Verdict.WORKS, d.verdict());
        assertEquals(Setting.NONE, d.setting());
    }

    @Test
    void successWithoutSignInSaysSignInWasNotTested() {
        ProbeResult passedWithoutAuth = probe("smtp.example.org", 587, Security.STARTTLS).succeeded().build();
        List<Step> noAuth = Stream.concat(passedWithoutAuth.steps().stream()
                .filter(s -> s.phase() != AUTH), Stream.of(new Step(RCPT_TO,
                        StepOutcome.OK, 5, Optional.empty(), ""))).toList();
        ProbeResult r = new ProbeResult(passedWithoutAuth.settings().withRecipient("bob@example.net"), false, true,
                Optional.empty(), Optional.empty(), passedWithoutAuth.lastReply(), noAuth,
                passedWithoutAuth.resolvedAddresses(), passedWithoutAuth.capabilities(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", passedWithoutAuth.transcript(), 42);
        Diagnosis d = DIAGNOSER.diagnose(r);
        assertEquals(Verdict.WORKS, d.verdict());
        assertEquals("works.without_signin", d.ruleId());
    }

    /**
     * Without sign-in and without a recipient, the server was only seen to take a sender: whether it passes mail on to
     * other domains without sign-in (what "Relay access denied" is about) was not tested, and the result says so.
     */
    @Test
    void successWithoutSignInOrRecipientSaysNeitherWasTested() {
        ProbeResult passed = probe("smtp.example.org", 587, Security.STARTTLS).succeeded().build();
        List<Step> tested = passed.steps().stream().filter(s -> s.phase() != AUTH && s.phase() != RCPT_TO).toList();
        ProbeResult r = new ProbeResult(passed.settings(), false, true, Optional.empty(), Optional.empty(),
                passed.lastReply(), tested, passed.resolvedAddresses(), passed.capabilities(), Optional.empty(),
                Optional.empty(), Optional.empty(), "", passed.transcript(), 42);
        Diagnosis d = DIAGNOSER.diagnose(r);
        assertEquals(Verdict.WORKS, d.verdict());
        assertEquals("works.without_signin.no_recipient", d.ruleId());
        assertEquals(Confidence.LOW, d.confidence());
        assertTrue(d.explanation().contains("recipient"), d.explanation());
    }

    @Test
    void technicalDetailCarriesCodeTextKindAndPhase() {
        Diagnosis d = DIAGNOSER.diagnose(probe("smtp.gmail.com", 587, Security.STARTTLS).signIn("j@gmail.com")
                .failed(AUTH, AUTH_REJECTED).reply("535 5.7.8 Username and Password not accepted.").build());
        assertEquals(true, d.technicalDetail().contains("535 5.7.8 Username and Password not accepted."),
                d.technicalDetail());
        assertEquals(true, d.technicalDetail().contains("auth_rejected"), d.technicalDetail());
        assertEquals(true, d.technicalDetail().contains("AUTH"), d.technicalDetail());
    }
}

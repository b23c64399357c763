package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;

/**
 * Families of pasted errors, each worded the way several servers, libraries and programs word them: a sign-in
 * mechanism mismatch (PHPMailer, Symfony Mailer, curl, lettre, Jakarta Mail), also inside an application's log line
 * that mentions an HTTP request (the log's words are not OpenSSL's "http request" TLS error); an empty answer where
 * the greeting belongs (the client spoke TLS first on a plain-start port, or the server dropped a plain client on an
 * implicit-TLS port); Gmail's BadCredentials wording without its help link; a deferral for the low reputation of the
 * sending IP in the sender's own server's log (waiting does not mend a reputation: send through a relay), which in a
 * provider's delivery report is the provider's matter; and Haraka's default refusal when no plugin allowed relaying
 * ("I cannot deliver mail for"), which asks for sign-in; a refused connection to this computer itself, in Go's,
 * Symfony's and Ruby's words; a sign-in required in a submission server's own words; and mail programs' wrapper
 * sentences for a server that cannot be reached, a server name that was not found, a server that wants an encrypted
 * connection and a refused sign-in.
 */
class MechanismAndEmptyGreetingFamiliesTest {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    static Stream<Arguments> mechanismMismatchWordings() {
        return Stream.of(
                Arguments.of("ERROR handling HTTP request POST /api/signup: mail: smtp: No compatible authentication"
                        + " mechanism was found"),
                Arguments.of("[http request 4f1c] SendMailError: No supported authentication mechanism"),
                Arguments.of("level=error msg=\"http request failed\" err=\"smtp: No authentication mechanisms"
                        + " supported by both server and client\""),
                // the same meaning in other libraries' own words: PHPMailer, Symfony Mailer, curl
                Arguments.of("2024-05-01 10:00:00 SMTP Error: No supported authentication methods found"),
                Arguments.of("SMTP Error: The requested authentication method \"CRAM-MD5\" is not supported by the"
                        + " server"),
                Arguments.of("Symfony\\Component\\Mailer\\Exception\\TransportException: Failed to find an"
                        + " authenticator supported by the SMTP server, which currently supports: \"xoauth2\"."),
                Arguments.of("* No known authentication mechanisms supported!\ncurl: (67) Login denied"));
    }

    @ParameterizedTest
    @MethodSource("mechanismMismatchWordings")
    void aMechanismMismatchInAnyLibrarysWordsEvenInsideAnHttpLogIsAboutTheSignInMethod(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + text);
    }

    static Stream<Arguments> opensslHttpRequestErrors() {
        return Stream.of(
                Arguments.of("error:1408F09C:SSL routines:ssl3_get_record:http request"),
                Arguments.of("ssl.SSLError: [SSL: HTTP_REQUEST] http request (_ssl.c:1006)"));
    }

    @ParameterizedTest
    @MethodSource("opensslHttpRequestErrors")
    void opensslsHttpRequestErrorStillMeansPlainTextWhereTlsWasExpected(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + text);
    }

    static Stream<Arguments> emptyGreetingOnPlainStartPorts() {
        return Stream.of(
                Arguments.of("Swift_TransportException: Expected response code 220 but got code \"\", with message"
                        + " \"\"", 25),
                Arguments.of("Symfony\\Component\\Mailer\\Exception\\TransportException: Expected response code"
                        + " \"220\" but got an empty response.", 587));
    }

    @ParameterizedTest
    @MethodSource("emptyGreetingOnPlainStartPorts")
    void anEmptyGreetingOnAPlainStartPortAsksForStarttls(String text, int port) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none().withPort(port));
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + text);
        assertTrue(d.changes().stream().anyMatch(c -> c.to().equals(Optional.of(SettingValue.security(
                Security.STARTTLS)))), () -> d.changes().toString());
    }

    static Stream<Arguments> emptyRepliesWithoutAPort() {
        return Stream.of(
                Arguments.of("msmtp: the server sent an empty reply\nmsmtp: could not send mail"),
                Arguments.of("s-nail: SMTP server sent an empty response"),
                Arguments.of("sendmail: empty greeting from mail.example.net"));
    }

    @ParameterizedTest
    @MethodSource("emptyRepliesWithoutAPort")
    void anEmptyReplyWhereTheGreetingBelongsIsAConnectionSecurityMismatch(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.SECURITY, d.setting(), d.ruleId() + ": " + text);
    }

    static Stream<Arguments> gmailBadCredentialsWithoutItsLink() {
        return Stream.of(
                Arguments.of("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')"),
                Arguments.of("Net::SMTPAuthenticationError: 535-5.7.8 Username and Password not accepted."),
                Arguments.of("AuthenticationFailedException: 535 5.7.8 Username and Password not accepted"));
    }

    @ParameterizedTest
    @MethodSource("gmailBadCredentialsWithoutItsLink")
    void gmailsBadCredentialsWordingNamesTheProviderAndItsAppPassword(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.APP_PASSWORD, d.setting(), d.ruleId() + ": " + text);
    }

    static Stream<Arguments> lowReputationOfTheOwnSendingIp() {
        return Stream.of(
                Arguments.of("2024-03-02 10:11:12 1rgXyZ-000Abc-7Q == bob@gmail.com R=dnslookup T=remote_smtp defer"
                        + " (-44) H=gmail-smtp-in.l.google.com [142.250.1.26]: SMTP error from remote mail server after"
                        + " pipelined end of data: 421-4.7.0 This message is suspicious due to the very low reputation"
                        + " of the sending IP address."),
                Arguments.of("smtp: 421 4.7.0 [203.0.113.5] Our system has detected that this message is suspicious"
                        + " due to the very low reputation of the sending IP address."),
                Arguments.of("Mar  2 10:11:12 mx opensmtpd[812]: 9c1e result=TempFail stat=421 4.7.1 Poor reputation"
                        + " of the sending IP address, try again later"));
    }

    @ParameterizedTest
    @MethodSource("lowReputationOfTheOwnSendingIp")
    void aLowReputationDeferralOfTheOwnServerIsAboutTheNetworkNotWaiting(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId() + ": " + text);
    }

    @Test
    void theSameDeferralInAProvidersDeliveryReportIsNotBlamedOnTheUsersNetwork() {
        Diagnosis d = DIAGNOSER.explain("This is the mail system at host mail.example.com. I'm sorry to have to"
                + " inform you that your message could not be delivered to one or more recipients. <bob@gmail.com>:"
                + " host gmail-smtp-in.l.google.com said: 421-4.7.0 suspicious due to the very low reputation of the"
                + " sending IP address", ExplainContext.none());
        assertNotEquals(Setting.NETWORK_OR_FIREWALL, d.setting(), d.ruleId());
    }

    static Stream<Arguments> harakaRelayRefusal() {
        return Stream.of(
                Arguments.of("smtplib.SMTPRecipientsRefused: {'bob@example.org': (550, b'I cannot deliver mail for"
                        + " <bob@example.org>')}"),
                Arguments.of("Error: Can't send mail - all recipients were rejected: 550 I cannot deliver mail for"
                        + " <bob@example.org>"),
                Arguments.of("Net::SMTPFatalError: 550 I cannot deliver mail for <bob@example.org>"));
    }

    @ParameterizedTest
    @MethodSource("harakaRelayRefusal")
    void harakasDefaultRelayRefusalAsksToSignIn(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId() + ": " + text);
    }

    @Test
    void phpMailersNoAuthAtThisStageIsASignInNotOffered() {
        Diagnosis d = DIAGNOSER.explain("SMTP Error: Authentication is not allowed at this stage",
                ExplainContext.none());
        assertEquals("auth_not_offered", d.evidence().stream().filter(e -> e.startsWith("failure: ")).findFirst()
                .map(e -> e.substring("failure: ".length())).orElse(""), d.evidence().toString());
    }

    static Stream<Arguments> refusedByThisComputerItself() {
        return Stream.of(
                Arguments.of("level=error msg=\"sending failed\" err=\"dial tcp [::1]:25: connect: connection"
                        + " refused\""),
                Arguments.of("dial tcp 127.0.0.1:587: connect: connection refused"),
                Arguments.of("Connection could not be established with host \"localhost:25\": stream_socket_client():"
                        + " unable to connect to localhost:25 (Connection refused)"),
                Arguments.of("Errno::ECONNREFUSED: Connection refused - connect(2) for \"localhost\" port 25"));
    }

    @ParameterizedTest
    @MethodSource("refusedByThisComputerItself")
    void aRefusalByThisComputerItselfIsAboutTheServerName(String text) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(Setting.SERVER_HOST, d.setting(), d.ruleId() + ": " + text);
    }

    @Test
    void aSubmissionServerThatSaysSignInIsRequiredAsksForSignIn() {
        Diagnosis d = DIAGNOSER.explain("554 5.7.0 SMTP AUTH is required for message submission on port 587",
                ExplainContext.none());
        assertEquals(Setting.AUTH_METHOD, d.setting(), d.ruleId());
    }

    @Test
    void aProgramSayingTheServerRejectedYourPasswordPointsAtThePassword() {
        Diagnosis d = DIAGNOSER.explain("The SMTP server \"mail.example.net\" rejected your password.",
                ExplainContext.none());
        assertEquals(Setting.PASSWORD, d.setting(), d.ruleId());
    }

    static Stream<Arguments> mailProgramWrapperSentences() {
        return Stream.of(
                Arguments.of("Cannot send message using the server mail.example.net. Verify that your network settings"
                        + " are correct and that the server is entered correctly.", Setting.NETWORK_OR_FIREWALL),
                Arguments.of("The outgoing server \"mail.example.net\" cannot be reached.",
                        Setting.NETWORK_OR_FIREWALL),
                Arguments.of("Send test e-mail message: The specified outgoing mail server (SMTP) was not found. Verify"
                        + " the Outgoing mail server (SMTP) box in Account Settings.", Setting.SERVER_HOST),
                Arguments.of("Send failed: SMTP server requires a secure connection", Setting.SECURITY),
                Arguments.of("Sending of the message failed. Authentication to outgoing server (SMTP) mail.example.net"
                        + " failed.", Setting.PASSWORD));
    }

    @ParameterizedTest
    @MethodSource("mailProgramWrapperSentences")
    void mailProgramsWrapperSentencesNameTheirSetting(String text, Setting expected) {
        Diagnosis d = DIAGNOSER.explain(text, ExplainContext.none());
        assertEquals(expected, d.setting(), d.ruleId() + ": " + text);
    }
}

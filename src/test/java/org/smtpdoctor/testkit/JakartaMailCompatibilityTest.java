package org.smtpdoctor.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kit speaks well enough for the real client the Prober uses (Angus Mail's SMTPTransport). */
class JakartaMailCompatibilityTest {

    private static final ServerIdentity LOCALHOST = TestCertificates.localhost();

    private static Session session(String protocol, String mechanisms) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "connectiontimeout", "3000");
        properties.put(prefix + "timeout", "3000");
        properties.put(prefix + "writetimeout", "3000");
        properties.put(prefix + "localhost", "client.test");
        properties.put(prefix + "auth", "true");
        properties.put(prefix + "auth.mechanisms", mechanisms);
        properties.put(prefix + "auth.xoauth2.disable", "false");
        if (mechanisms.equals("CRAM-MD5")) { // Angus has no built-in CRAM-MD5: it goes through its SASL path
            properties.put(prefix + "sasl.enable", "true");
            properties.put(prefix + "sasl.mechanisms", "CRAM-MD5");
        }
        properties.put(prefix + "ssl.socketFactory", LOCALHOST.clientSslContext().getSocketFactory());
        properties.put(prefix + "ssl.checkserveridentity", "true");
        if (protocol.equals("smtp")) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    private static void send(Session session, String protocol, FakeSmtpServer server, String password)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.test"));
        message.setSubject("kit test");
        message.setText("hello");
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(server.host(), server.port(), "alice", password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"})
    void starttlsAndEachMechanismDeliverAMessage(String mechanism) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth("alice", "s3cret", mechanism)
                .authOnlyAfterTls().requireAuth().start()) {
            send(session("smtp", mechanism), "smtp", server, "s3cret");
            assertEquals(List.of("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "DATA", "QUIT"),
                    server.connection(1).verbs());
            assertEquals("alice", server.connection(1).authenticatedUser());
            assertEquals(1, server.messages().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"})
    void wrongSecretFailsAuthenticationForEachMechanism(String mechanism) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth("alice", "s3cret", mechanism)
                .start()) {
            assertThrows(AuthenticationFailedException.class,
                    () -> send(session("smtp", mechanism), "smtp", server, "wrong"));
            assertTrue(server.connection(1).verbs().contains("AUTH"), server.connection(1).toString());
        }
    }

    @Test
    void implicitTlsDeliversAMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).auth("alice", "s3cret")
                .start()) {
            send(session("smtps", "PLAIN"), "smtps", server, "s3cret");
            assertTrue(server.connection(1).tlsProtocol().startsWith("TLSv1."));
            assertEquals(1, server.messages().size());
        }
    }

    @Test
    void passwordNeverTravelsInClearTextWithStarttls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth("alice", "s3cret")
                .start()) {
            send(session("smtp", "LOGIN"), "smtp", server, "s3cret");
            assertEquals(List.of("EHLO client.test", "STARTTLS"), server.connection(1).clearLines());
        }
    }

    @Test
    void closingAfterTlsReleasesTheServerPromptly() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth("alice", "s3cret").start();
        send(session("smtp", "PLAIN"), "smtp", server, "s3cret");
        assertTrue(server.connection(1).awaitEnd(Duration.ofSeconds(2)));
        server.close();
    }
}

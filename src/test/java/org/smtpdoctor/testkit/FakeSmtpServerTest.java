package org.smtpdoctor.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.OtherService;
import org.smtpdoctor.probe.Phase;

class FakeSmtpServerTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final ServerIdentity LOCALHOST = TestCertificates.localhost();
    private static final SSLContext TRUSTING = LOCALHOST.clientSslContext();

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void greetsWithTheDefaultGreeting() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                LineClient client = LineClient.connect(server)) {
            assertEquals(List.of("220 fake.test ESMTP ready"), client.readReply());
        }
    }

    @Test
    void listensOnAnEphemeralPortOfTheChosenLoopbackAddress() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().bind("127.0.0.2").start();
                LineClient client = LineClient.connect(server)) {
            assertEquals("220 fake.test ESMTP ready", client.readLine());
            assertEquals("127.0.0.2", server.host());
            assertTrue(server.port() > 0);
        }
    }

    @Test
    void speaksImplicitTlsOnIpv6LoopbackWithAMatchingCertificate() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().bind("::1").implicitTls(LOCALHOST).start();
                LineClient client = LineClient.connectTls(server, TRUSTING, "::1")) {
            assertEquals("220 fake.test ESMTP ready", client.readLine());
        }
    }

    @Test
    void ehloListsExtensionsAndStarttlsWhenAnIdentityIsGiven() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.send("EHLO client.test");
            assertEquals(List.of("250-fake.test Hello client.test", "250-PIPELINING", "250-SIZE 35882577",
                    "250-8BITMIME", "250-ENHANCEDSTATUSCODES", "250-SMTPUTF8", "250 STARTTLS"), client.readReply());
        }
    }

    @Test
    void starttlsUpgradesAndAuthAppearsOnlyAfterTls() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth("alice", "s3cret")
                .authOnlyAfterTls().start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.send("EHLO client.test");
            assertFalse(client.readReply().stream().anyMatch(line -> line.contains("AUTH")));
            assertEquals("220 2.0.0 Ready to start TLS", client.command("STARTTLS"));
            client.startTls(TRUSTING, "localhost");
            client.send("EHLO client.test");
            assertEquals("250 AUTH PLAIN LOGIN", client.readReply().get(6));
            assertNotNull(server.connection(1).tlsProtocol());
        }
    }

    @Test
    void authBeforeTlsIsRefusedWhenOnlyOfferedAfterTls() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).auth("alice", "s3cret")
                .authOnlyAfterTls().start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("530 5.7.0 Must issue a STARTTLS command first",
                    client.command("AUTH PLAIN " + base64("\0alice\0s3cret")));
        }
    }

    @Test
    void implicitTlsSpeaksTlsFromTheFirstByte() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start();
                LineClient client = LineClient.connectTls(server, TRUSTING, "localhost")) {
            assertEquals("220 fake.test ESMTP ready", client.readLine());
            assertEquals("TLSv1.3", client.tlsSocket().getSession().getProtocol());
        }
    }

    @Test
    void implicitTlsPortSaysNothingToAPlainTextClient() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start();
                LineClient client = LineClient.connect(server, SHORT)) {
            assertThrows(SocketTimeoutException.class, client::readLine);
        }
    }

    @Test
    void tlsCanBeRestrictedToOneProtocolAndCipher() throws IOException {
        String suite = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).tlsProtocols("TLSv1.2")
                .tlsCipherSuites(suite).start();
                LineClient client = LineClient.connectTls(server, TRUSTING, "localhost")) {
            assertEquals("TLSv1.2", client.tlsSocket().getSession().getProtocol());
            assertEquals(suite, client.tlsSocket().getSession().getCipherSuite());
        }
    }

    @Test
    void tlsV1OnlyServerHasNoProtocolInCommonWithAModernClient() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).tlsProtocols("TLSv1").start()) {
            assertThrows(SSLHandshakeException.class, () -> LineClient.connectTls(server, TRUSTING, "localhost"));
            assertTrue(server.connection(1).awaitEnd(Duration.ofSeconds(2)));
            assertNotNull(server.connection(1).tlsFailure());
        }
    }

    @Test
    void refusedStarttlsIsOfferedButAnsweredWithTheGivenReply() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .refuseStarttls("454 4.7.0 TLS not available due to local problem").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            assertEquals("250 STARTTLS", client.command("EHLO client.test"));
            assertEquals("454 4.7.0 TLS not available due to local problem", client.command("STARTTLS"));
        }
    }

    @Test
    void authPlainWithTheRightPasswordIsAccepted() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("235 2.7.0 Authentication successful",
                    client.command("AUTH PLAIN " + base64("alice\0alice\0s3cret")));
            assertEquals("alice", server.connection(1).authenticatedUser());
        }
    }

    @Test
    void authPlainWithAWrongPasswordGetsTheFailureReply() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            client.send("AUTH PLAIN");
            assertEquals("334 ", client.readLine());
            assertEquals("535 5.7.8 Username and Password not accepted.", client.command(base64("\0alice\0wrong")));
            assertNull(server.connection(1).authenticatedUser());
        }
    }

    @Test
    void authLoginAsksForUserAndPassword() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("334 VXNlcm5hbWU6", client.command("AUTH LOGIN"));
            assertEquals("334 UGFzc3dvcmQ6", client.command(base64("alice")));
            assertEquals("235 2.7.0 Authentication successful", client.command(base64("s3cret")));
        }
    }

    @Test
    void authCramMd5ChecksTheDigest() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret", "CRAM-MD5").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            String challenge = new String(Base64.getDecoder().decode(client.command("AUTH CRAM-MD5").substring(4)),
                    StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            String digest = HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
            assertEquals("235 2.7.0 Authentication successful", client.command(base64("alice " + digest)));
        }
    }

    @Test
    void xoauth2FailureSendsAJsonChallengeThenTheFailureReply() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "token-1", "XOAUTH2").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            String challenge = client.command("AUTH XOAUTH2 " + base64("user=alice\u0001auth=Bearer nope\u0001\u0001"));
            assertTrue(challenge.startsWith("334 eyJ"), challenge);
            assertEquals("535 5.7.8 Username and Password not accepted.", client.command(""));
        }
    }

    @Test
    void xoauth2WithTheRightTokenIsAccepted() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "token-1", "XOAUTH2").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("235 2.7.0 Authentication successful",
                    client.command("AUTH XOAUTH2 " + base64("user=alice\u0001auth=Bearer token-1\u0001\u0001")));
        }
    }

    @Test
    void unadvertisedMechanismIsUnrecognized() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret", "GSSAPI").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            assertEquals("250 AUTH GSSAPI", client.command("EHLO client.test"));
            assertEquals("504 5.5.4 Unrecognized authentication type", client.command("AUTH PLAIN"));
        }
    }

    @Test
    void requiredAuthRejectsMailFromBeforeAuth() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret").requireAuth().start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("530 5.7.0 Authentication required", client.command("MAIL FROM:<alice@example.test>"));
        }
    }

    @Test
    void recordsAuthPayloadsAsSentAndWhichLinesWereInClear() throws IOException {
        String payload = base64("\0alice\0s3cret");
        try (FakeSmtpServer server = FakeSmtpServer.builder().auth("alice", "s3cret").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            client.command("AUTH PLAIN " + payload);
            assertEquals(List.of("EHLO client.test", "AUTH PLAIN " + payload), server.connection(1).clearLines());
            assertEquals(server.allLines(), server.allClearLines());
        }
    }

    @Test
    void scriptedReplyReplacesTheReplyToAVerb() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().reply(Verb.RCPT, "550 5.7.1 Relaying denied").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("250 2.1.0 Ok", client.command("MAIL FROM:<a@example.test>"));
            assertEquals("550 5.7.1 Relaying denied", client.command("RCPT TO:<b@example.test>"));
        }
    }

    @Test
    void hookSeesTheSessionAndCanFallBackToNormalHandling() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .on(Verb.EHLO, (command, session) -> session.count(Verb.EHLO) > 1
                        ? Action.reply("421 4.7.0 Too many EHLO").thenClose() : Action.proceed())
                .start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            assertTrue(client.command("EHLO client.test").startsWith("250 "));
            assertEquals("421 4.7.0 Too many EHLO", client.command("EHLO client.test"));
            assertNull(client.readLine());
        }
    }

    @Test
    void rejectedEhloLeavesHeloWorking() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .reply(Verb.EHLO, "500 5.5.1 Command unrecognized").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            assertEquals("500 5.5.1 Command unrecognized", client.command("EHLO client.test"));
            assertEquals("250 fake.test Hello client.test", client.command("HELO client.test"));
        }
    }

    @Test
    void customGreetingCanBeMultiLine() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("220-first\n220 second").start();
                LineClient client = LineClient.connect(server)) {
            assertEquals(List.of("220-first", "220 second"), client.readReply());
        }
    }

    @Test
    void rejectingGreetingIsSentAsGiven() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting("554 5.7.1 No service for you").start();
                LineClient client = LineClient.connect(server)) {
            assertEquals("554 5.7.1 No service for you", client.readLine());
        }
    }

    @Test
    void veryLongAndLongMultiLineRepliesArriveWhole() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().greeting(Replies.longLine(220, 10_000))
                .reply(Verb.EHLO, Replies.multiLine(250, 500)).start();
                LineClient client = LineClient.connect(server)) {
            assertEquals(10_000, client.readLine().length());
            client.send("EHLO client.test");
            List<String> reply = client.readReply();
            assertEquals(500, reply.size());
            assertEquals("250 line 500", reply.get(499));
        }
    }

    @Test
    void silentGreetingNeverAnswers() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.GREETING, Action.silence()).start();
                LineClient client = LineClient.connect(server, SHORT)) {
            assertThrows(SocketTimeoutException.class, client::readLine);
        }
    }

    @Test
    void closingGreetingEndsTheStream() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.GREETING, Action.close()).start();
                LineClient client = LineClient.connect(server)) {
            assertNull(client.readLine());
        }
    }

    @Test
    void resetAtMailFromResetsTheConnection() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.MAIL, Action.reset()).start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            client.send("MAIL FROM:<a@example.test>");
            assertThrows(SocketException.class, client::readLine);
        }
    }

    @Test
    void replyDelayPrecedesEveryReplyIncludingTheGreeting() throws IOException {
        Duration delay = Duration.ofMillis(100);
        try (FakeSmtpServer server = FakeSmtpServer.builder().replyDelay(delay).start();
                LineClient client = LineClient.connect(server)) {
            long start = System.nanoTime();
            client.readReply();
            client.command("EHLO client.test");
            client.command("NOOP");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(delay.multipliedBy(3)) >= 0);
        }
    }

    @Test
    void dataIsAcceptedAndStored() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<a@example.test>");
            client.command("RCPT TO:<b@example.test>");
            assertEquals("354 End data with <CR><LF>.<CR><LF>", client.command("DATA"));
            client.send("Subject: test");
            client.send("");
            client.send("..dot");
            assertTrue(client.command(".").startsWith("250 2.0.0 Ok: queued"));
            assertEquals(List.of(new ReceivedMessage(1, "a@example.test", List.of("b@example.test"),
                    "Subject: test\r\n\r\n.dot\r\n")), server.messages());
        }
    }

    @Test
    void httpImpersonationIsSilentUntilARequestThenAnswers400() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.HTTP).start();
                LineClient client = LineClient.connect(server, SHORT)) {
            assertThrows(SocketTimeoutException.class, client::readLine);
            client.send("EHLO client.test");
            assertEquals("HTTP/1.1 400 Bad Request", client.readLine());
        }
    }

    @Test
    void imapImpersonationGreetsLikeImap() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.IMAP).start();
                LineClient client = LineClient.connect(server)) {
            assertEquals("* OK [CAPABILITY IMAP4rev1] ready", client.readLine());
            client.send("EHLO client.test");
            assertEquals("EHLO BAD Error in IMAP command received by server.", client.readLine());
        }
    }

    @Test
    void pop3ImpersonationGreetsLikePop3() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.POP3).start();
                LineClient client = LineClient.connect(server)) {
            assertEquals("+OK POP3 ready", client.readLine());
        }
    }

    @Test
    void sshImpersonationSendsTheSshBanner() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.SSH).start();
                LineClient client = LineClient.connect(server)) {
            assertEquals("SSH-2.0-OpenSSH_9.6", client.readLine());
        }
    }

    @Test
    void httpsImpersonationAnswersHttpInsideTls() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.HTTP).implicitTls(LOCALHOST)
                .start();
                LineClient client = LineClient.connectTls(server, TRUSTING, "localhost")) {
            client.send("GET / HTTP/1.1");
            assertEquals("HTTP/1.1 400 Bad Request", client.readLine());
        }
    }

    @Test
    void blackHoleReadsButNeverAnswers() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().blackHole().start();
                LineClient client = LineClient.connect(server, SHORT)) {
            client.send("EHLO client.test");
            assertThrows(SocketTimeoutException.class, client::readLine);
        }
    }

    @Test
    void countsConcurrentConnections() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                LineClient first = LineClient.connect(server);
                LineClient second = LineClient.connect(server)) {
            assertEquals(2, server.awaitConnections(2, Duration.ofSeconds(2)).size());
            assertEquals("220 fake.test ESMTP ready", second.readLine());
            assertEquals("220 fake.test ESMTP ready", first.readLine());
        }
    }

    @Test
    void awaitConnectionsFailsTheTestOnTimeout() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            assertThrows(AssertionError.class, () -> server.awaitConnections(1, Duration.ofMillis(50)));
        }
    }

    @Test
    void closeEndsEveryConnectionAndThread() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.GREETING, Action.silence()).start();
        try (LineClient client = LineClient.connect(server)) {
            server.awaitConnections(1, Duration.ofSeconds(2));
            server.close();
            assertNull(client.readLine());
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("fake-smtp-" + server.port() + "-")));
    }
    @Test
    void tlsHandshakeDelayHoldsBackTheHandshake() throws IOException {
        Duration delay = Duration.ofMillis(200);
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).tlsHandshakeDelay(delay)
                .start()) {
            long start = System.nanoTime();
            try (LineClient client = LineClient.connectTls(server, TRUSTING, "localhost")) {
                assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(delay) >= 0);
            }
        }
    }

    @Test
    void requiredTlsRejectsMailFromInClearText() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).requireTls().start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("530 5.7.0 Must issue a STARTTLS command first",
                    client.command("MAIL FROM:<a@example.test>"));
        }
    }

    @Test
    void starttlsThatClosesInsteadOfHandshakingFailsTheClientHandshake() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .on(Verb.STARTTLS, Action.reply("220 2.0.0 Ready to start TLS").thenClose()).start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            assertEquals("220 2.0.0 Ready to start TLS", client.command("STARTTLS"));
            assertThrows(IOException.class, () -> client.startTls(TRUSTING, "localhost"));
        }
    }

    @Test
    void resetInsideTlsResetsTheConnection() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).on(Verb.EHLO, Action.reset())
                .start();
                LineClient client = LineClient.connectTls(server, TRUSTING, "localhost")) {
            client.readReply();
            client.send("EHLO client.test");
            assertThrows(IOException.class, client::readLine);
        }
    }

    @Test
    void hookCanHoldItsOwnDialogue() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().on("XTEST", (command, session) -> {
            session.send("354 say more");
            return Action.reply("250 heard " + session.readLine());
        }).start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            assertEquals("354 say more", client.command("XTEST"));
            assertEquals("250 heard more", client.command("more"));
            assertEquals(List.of("XTEST", "more"), server.connection(1).lines());
        }
    }

    @Test
    void unknownCommandIsUnrecognized() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            assertEquals("500 5.5.2 Syntax error, command unrecognized", client.command("XYZZY"));
        }
    }

    @Test
    void ftpImpersonationGreetsLikeFtp() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().impersonate(OtherService.FTP).start();
                LineClient client = LineClient.connect(server)) {
            assertEquals("220 (vsFTPd 3.0.5)", client.readLine());
            assertEquals("530 Please login with USER and PASS.", client.command("EHLO client.test"));
        }
    }

    @Test
    void endOfDataCanBeScripted() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .reply(Verb.END_OF_DATA, "552 5.3.4 Message size exceeds fixed limit").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<a@example.test>");
            client.command("RCPT TO:<b@example.test>");
            client.command("DATA");
            assertEquals("552 5.3.4 Message size exceeds fixed limit", client.command("."));
        }
    }

    @Test
    void everyReplyDecidedPhaseMapsToAVerb() {
        assertEquals(Verb.MAIL, Verb.of(Phase.MAIL_FROM));
        assertEquals(Verb.END_OF_DATA, Verb.of(Phase.END_OF_DATA));
        assertThrows(IllegalArgumentException.class, () -> Verb.of(Phase.DNS));
    }

    @Test
    void closeDropsAnOpenTlsConnectionPromptly() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST).start();
        try (LineClient client = LineClient.connectTls(server, TRUSTING, "localhost")) {
            client.readReply();
            long start = System.nanoTime();
            server.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(1)) < 0);
        }
    }
    @Test
    void capabilitiesAfterTlsCanDifferFromBefore() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().starttls(LOCALHOST).extensions("PIPELINING")
                .extensionsAfterTls("SIZE 1000").start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            client.send("EHLO client.test");
            assertEquals(List.of("250-fake.test Hello client.test", "250-PIPELINING", "250 STARTTLS"),
                    client.readReply());
            client.command("STARTTLS");
            client.startTls(TRUSTING, "localhost");
            client.send("EHLO client.test");
            assertEquals(List.of("250-fake.test Hello client.test", "250 SIZE 1000"), client.readReply());
        }
    }

    @Test
    void oneVerbCanBeDelayedAndOtherwiseHandledNormally() throws IOException {
        Duration delay = Duration.ofMillis(200);
        try (FakeSmtpServer server = FakeSmtpServer.builder().on(Verb.NOOP, Action.proceed().after(delay)).start();
                LineClient client = LineClient.connect(server)) {
            client.readReply();
            long start = System.nanoTime();
            assertEquals("250 2.0.0 Ok", client.command("NOOP"));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(delay) >= 0);
        }
    }
    @Test
    void hangingUpInsteadOfTheTlsHandshakeEndsTheClientHandshake() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST)
                .on(Verb.TLS_HANDSHAKE, Action.close()).start()) {
            assertThrows(SSLHandshakeException.class, () -> LineClient.connectTls(server, TRUSTING, "localhost"));
        }
    }

    @Test
    void silenceInsteadOfTheTlsHandshakeLeavesTheClientWaiting() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST)
                .on(Verb.TLS_HANDSHAKE, Action.silence()).start();
                LineClient client = LineClient.connect(server, SHORT)) {
            assertThrows(SocketTimeoutException.class, () -> client.startTls(TRUSTING, "localhost"));
        }
    }

    @Test
    void noCommonCipherMakesTheServerSendAHandshakeFailureAlert() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls(LOCALHOST)
                .tlsProtocols("TLSv1.2").tlsCipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").start()) {
            SSLHandshakeException error = assertThrows(SSLHandshakeException.class,
                    () -> LineClient.connectTls(server, TRUSTING, "localhost"));
            assertTrue(error.getMessage().contains("handshake_failure"), error.getMessage());
        }
    }
}

package org.smtpdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.probe.Probes.describe;
import static org.smtpdoctor.probe.Probes.options;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.Security;

/** The probe against a real in-process mail server (GreenMail: plain SMTP and SMTPS, AUTH offered, not required). */
class ProberGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup[] {
        ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()});

    private static AccountSettings smtp(Security security) {
        return AccountSettings.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), security)
                .withSender("alice@example.test").withRecipient("bob@example.test");
    }

    private static AccountSettings smtps() {
        return AccountSettings.of("127.0.0.1", GREEN_MAIL.getSmtps().getPort(), Security.SSL_TLS)
                .withSender("alice@example.test").withRecipient("bob@example.test");
    }

    /** GreenMail's own self-signed certificate, fetched without checking (the test then trusts it explicitly). */
    private static X509Certificate greenMailCertificate() throws IOException, GeneralSecurityException {
        X509TrustManager acceptAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {acceptAll}, null);
        try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                GREEN_MAIL.getSmtps().getPort())) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void plainProbeReachesRcptTo() {
        ProbeResult r = Probes.probe(smtp(Security.NONE));

        assertTrue(r.success(), describe(r));
        assertTrue(r.passed(Phase.RCPT_TO));
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length, "nothing is sent by default");
    }

    @Test
    void testMessageArrivesWithSendTestMessage() throws Exception {
        ProbeResult r = Probes.probe(smtp(Security.NONE), options().withSendTestMessage(true));

        assertTrue(r.success(), describe(r));
        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        assertEquals("SMTP Doctor test message", GREEN_MAIL.getReceivedMessages()[0].getSubject());
    }

    @Test
    void startTlsChosenIsStartTlsNotOffered() {
        ProbeResult r = Probes.probe(smtp(Security.STARTTLS));

        assertEquals(FailureKind.STARTTLS_NOT_OFFERED, r.failure().orElseThrow(), describe(r));
    }

    @Test
    void smtpsCertificateIsUntrustedUnlessTheUserTrustsIt() {
        ProbeResult r = Probes.probe(smtps());

        assertEquals(FailureKind.CERT_UNTRUSTED, r.failure().orElseThrow(), describe(r));
        assertFalse(r.tls().orElseThrow().chain().isEmpty());
    }

    @Test
    void smtpsCertificateTrustedByTheUserStillShowsItIsNotIssuedForTheHost() throws Exception {
        ProbeOptions trusting = options().withTrustedCertificates(List.of(greenMailCertificate()));

        ProbeResult r = Probes.probe(smtps(), trusting);

        // GreenMail's certificate has no subjectAltName, only a CN that is no host name
        assertEquals(FailureKind.CERT_HOST_MISMATCH, r.failure().orElseThrow(), describe(r));
        assertTrue(r.tls().orElseThrow().trusted());
        assertEquals(List.of("GreenMail selfsigned Test Certificate"), r.tls().orElseThrow().validNames());
    }

    @Test
    void sslChosenOnThePlainPortIsPlaintextWhereTlsExpected() {
        ProbeResult r = Probes.probe(smtp(Security.SSL_TLS));

        assertEquals(FailureKind.PLAINTEXT_WHERE_TLS_EXPECTED, r.failure().orElseThrow(), describe(r));
    }
}

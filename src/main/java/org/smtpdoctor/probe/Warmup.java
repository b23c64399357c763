package org.smtpdoctor.probe;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * Warms, once per JVM and on a background thread, what a fresh JVM would otherwise load while the server waits:
 * the TLS stack (the JDK's trust anchors, an SSL context with the probe's trust manager, a ClientHello with its
 * key shares, a PKIX path validation with an RSA signature check, AES-GCM) and Jakarta Mail's SMTP transport.
 *
 * <p>Why: in a fresh process the first TLS handshake costs several hundred milliseconds of class loading and
 * provider set-up, and Angus's first session about two hundred more — several round trips' worth. Started when
 * the command line starts (or the wizard's window shows), this work overlaps argument parsing, DNS, connect and
 * the server's greeting instead of adding to them. Everything here is best effort: a failure only means no warm-up.
 */
public final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {
    }

    /**
     * Starts the warm-up unless it already ran in this JVM; returns at once. Two daemon threads: Jakarta Mail (needed
     * at the greeting) and TLS (needed after STARTTLS) warm side by side.
     */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            daemon("smtp-doctor-warmup-mail", Warmup::mail).start();
            daemon("smtp-doctor-warmup-tls", Warmup::tls).start();
        }
    }

    /** Work that may fail: a failure only means no warm-up (the probe does the same work when it needs it). */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static Thread daemon(String name, Work work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Exception | LinkageError e) {
                // best effort, see Work
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static void tls() throws Exception {
        Set<TrustAnchor> anchors = TrustAnchors.with(List.of());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new RecordingTrustManager("warmup.invalid", List.of())},
                new SecureRandom());
        SSLEngine engine = context.createSSLEngine("warmup.invalid", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        engine.closeOutbound();
        validateOneAnchor(anchors);
        agree("X25519");
        agree("EC");
        Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** A PKIX validation of a self-signed root against itself: the path validator and an RSA signature check. */
    private static void validateOneAnchor(Set<TrustAnchor> anchors) throws Exception {
        X509Certificate root = anchors.stream().map(TrustAnchor::getTrustedCert)
                .filter(c -> "RSA".equals(c.getPublicKey().getAlgorithm())).findFirst().orElse(null);
        if (root == null) {
            return;
        }
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(root));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        try {
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (java.security.cert.CertPathValidatorException e) {
            // an expired root still warms the validator
        }
    }

    private static void agree(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519".equals(algorithm) ? "XDH" : algorithm);
        if ("EC".equals(algorithm)) {
            generator.initialize(256);
        }
        KeyPair a = generator.generateKeyPair();
        KeyPair b = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519".equals(algorithm) ? "XDH" : "ECDH");
        agreement.init(a.getPrivate());
        agreement.doPhase(b.getPublic(), true);
        agreement.generateSecret();
    }

    private static void mail() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "1000");
        props.put("mail.smtp.timeout", "1000");
        Session session = Session.getInstance(props);
        Transport transport = session.getTransport("smtp");
        transport.getClass().getName();
        new InternetAddress("warmup@example.invalid", true);
    }
}

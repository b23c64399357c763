package org.smtpdoctor.probe;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * Warms, once per JVM and on a background thread, what a fresh JVM would otherwise load while the server waits:
 * the TLS stack (the JDK's trust anchors, an SSL context with the probe's trust manager, a ClientHello with its
 * key shares) and Jakarta Mail's SMTP transport.
 *
 * <p>Why: in a fresh process the first TLS handshake costs several hundred milliseconds of class loading and
 * provider set-up, and Angus's first session about two hundred more — several round trips' worth. Started when
 * the command line starts (or the wizard's window shows), this work overlaps argument parsing, DNS, connect and
 * the server's greeting instead of adding to them. Everything here is best effort: a failure only means no warm-up.
 */
public final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean SYSTEM_TRUST_STARTED = new AtomicBoolean();

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

    /**
     * Loads the operating system's CA bundle on a background thread unless that already happened; returns at once.
     * The first handshake reads it whenever the JDK's anchors do not trust the server (a company CA, a certificate
     * given with --trust-cert): ~100 ms of parsing in a fresh JVM. Called when a probe heads for TLS (its first EHLO,
     * or an implicit-TLS handshake), so that it overlaps the EHLO and STARTTLS round trips and the server's handshake
     * flight; not at start-up, where it would compete with the greeting (measured: the probe 40 ms slower there).
     */
    public static void systemTrust() {
        if (SYSTEM_TRUST_STARTED.compareAndSet(false, true)) {
            daemon("smtp-doctor-warmup-trust", TrustStores::system).start();
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

    /**
     * Only what the probe's first handshake does anyway (the platform trust manager, the SSL context with the probe's trust
     * manager, a ClientHello with its key shares): extra work here would compete with the probe for the CPU.
     */
    private static void tls() throws Exception {
        TrustStores.jdk(); // the platform trust manager the first handshake asks (its cacerts loaded once)
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new RecordingTrustManager("warmup.invalid", List.of(), List.of())},
                new SecureRandom());
        SSLEngine engine = context.createSSLEngine("warmup.invalid", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        engine.closeOutbound();
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

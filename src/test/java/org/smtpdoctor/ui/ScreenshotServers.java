package org.smtpdoctor.ui;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * Local servers for the README screenshots (assets/screenshots/make.sh), on 127.0.0.1 until killed: 42525 a plain
 * server that needs no sign-in, 44650 an implicit-TLS server (as on port 465), 42526 a slow plain server (one
 * second before every reply) so the Testing page can be caught mid-test.
 */
public final class ScreenshotServers {

    private ScreenshotServers() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (FakeSmtpServer plain = FakeSmtpServer.builder().port(42525).start();
                FakeSmtpServer tls = FakeSmtpServer.builder().port(44650)
                        .implicitTls(TestCertificates.localhost()).start();
                FakeSmtpServer slow = FakeSmtpServer.builder().port(42526).replyDelay(Duration.ofSeconds(1)).start()) {
            new CountDownLatch(1).await();
        }
    }
}

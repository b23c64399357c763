package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * The search's DNS server is also the probe's: a name only that server knows is found and probed by its name
 * (so the certificate is checked against the name, as a mail program would).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChosenDnsServerTest {

    @Test
    void nameOnlyTheChosenDnsServerKnowsIsFoundProbedAndVerifiedByName() throws Exception {
        String host = "smtp.dns-only.test";
        try (Loopback net = new Loopback()) {
            FakeSmtpServer server = net.keep(FakeSmtpServer.builder().bind("127.0.0.42")
                    .implicitTls(TestCertificates.forNames(host)).auth("ann@dns-only.test", Loopback.PASSWORD)
                    .requireAuth().start());
            net.name(host, "127.0.0.42");
            int closed = Loopback.closedPort("127.0.0.42");
            FinderOptions options = Loopback.options().withProbeResolvedAddresses(false)
                    .withPorts(new FinderOptions.StandardPorts(server.port(), closed, closed));

            FindResult result = net.finder(new ProviderCatalog(List.of()), options).find(
                    FindRequest.of("ann@dns-only.test").withCredentials("", Secret.of(Loopback.PASSWORD)),
                    FindListener.NONE);

            CandidateOutcome best = result.best().orElseThrow();
            assertEquals(CandidateStatus.WORKS_WITH_SIGN_IN, best.status(), result.ranked().toString());
            assertEquals(host, best.settings().host());
            assertTrue(best.signIn().orElseThrow().resolvedAddresses().contains("127.0.0.42"));
            assertTrue(net.dns.questions().contains("A " + host + "."), net.dns.questions().toString());
        }
    }
}

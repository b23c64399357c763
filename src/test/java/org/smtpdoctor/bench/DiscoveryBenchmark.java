package org.smtpdoctor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.smtpdoctor.discovery.Candidate;
import org.smtpdoctor.discovery.CandidateSource;
import org.smtpdoctor.discovery.CandidateStatus;
import org.smtpdoctor.discovery.FindListener;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.discovery.FindResult;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.discovery.SettingsFinder;
import org.smtpdoctor.probe.ProbeListener;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Prober;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;

/**
 * How fast "find settings that work" answers when most candidates are useless: eight candidates on loopback, three
 * black holes (accept, never answer; ranked above the working one, the worst case), four refused ports and one
 * working STARTTLS server with sign-in, every reply delayed by 50 ms. The answer (with a real sign-in check) should
 * come within 1.2 x (one working probe + the short greeting timeout); probing the same candidates one after another
 * is shown for comparison.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.smtpdoctor.bench.DiscoveryBenchmark}
 */
public final class DiscoveryBenchmark {

    private static final Duration REPLY_DELAY = Duration.ofMillis(50);
    private static final Duration GREETING_TIMEOUT = Duration.ofMillis(500);
    private static final int RUNS = 7;
    private static final String ADDRESS = "ann@bench.test";
    private static final String PASSWORD = "s3cret";

    private DiscoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (Loopback net = new Loopback()) {
            List<ServerPreset> presets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String ip = "127.0.0." + (41 + i);
                FakeSmtpServer hole = net.keep(FakeSmtpServer.builder().bind(ip).blackHole().start());
                net.name("hole" + i + ".bench.test", ip);
                presets.add(preset("hole" + i + ".bench.test", hole.port(), Security.SSL_TLS));
            }
            String workingIp = "127.0.0.44";
            FakeSmtpServer working = net.keep(FakeSmtpServer.builder().bind(workingIp)
                    .starttls(TestCertificates.forNames(workingIp)).auth(ADDRESS, PASSWORD).authOnlyAfterTls()
                    .requireAuth().replyDelay(REPLY_DELAY).start());
            net.name("smtp.bench.test", workingIp);
            presets.add(preset("smtp.bench.test", working.port(), Security.STARTTLS));
            for (int i = 0; i < 4; i++) {
                String ip = "127.0.0." + (45 + i);
                net.name("closed" + i + ".bench.test", ip);
                presets.add(preset("closed" + i + ".bench.test", Loopback.closedPort(ip), Security.STARTTLS));
            }
            ProviderCatalog catalog = new ProviderCatalog(List.of(new Provider("bench", "Bench", List.of("bench.test"),
                    List.of(), presets, Set.of(), "", "", "benchmark")));
            FinderOptions options = Loopback.options().withGreetingTimeout(GREETING_TIMEOUT);
            ProbeOptions probeOptions = options.probe();
            FindRequest request = FindRequest.of(ADDRESS).withCredentials("", Secret.of(PASSWORD));
            AccountSettings workingSettings = new AccountSettings(workingIp, working.port(), Security.STARTTLS,
                    AuthMethod.AUTO, ADDRESS, Secret.of(PASSWORD), ADDRESS, "");

            // warm up: class loading, the first TLS handshakes
            for (int i = 0; i < 3; i++) {
                new Prober(probeOptions).probe(workingSettings, ProbeListener.NONE);
                find(net, catalog, options, request);
            }

            List<Long> single = new ArrayList<>();
            List<Long> parallel = new ArrayList<>();
            List<Long> sequentialFirst = new ArrayList<>();
            List<Long> sequentialAll = new ArrayList<>();
            FindResult last = null;
            for (int run = 0; run < RUNS; run++) {
                long t = System.nanoTime();
                ProbeResult r = new Prober(probeOptions).probe(workingSettings, ProbeListener.NONE);
                single.add(ms(t));
                if (!r.success()) {
                    throw new IllegalStateException("the working server did not work: " + r.failure());
                }
                t = System.nanoTime();
                last = find(net, catalog, options, request);
                parallel.add(ms(t));
                long[] seq = sequential(net, catalog, probeOptions, workingSettings);
                sequentialFirst.add(seq[0]);
                sequentialAll.add(seq[1]);
            }
            if (last == null || last.best().isEmpty() || last.best().get().status() != CandidateStatus.WORKS_WITH_SIGN_IN
                    || !last.best().get().candidate().host().equals("smtp.bench.test")) {
                throw new IllegalStateException("the search did not find the working server");
            }
            report(single, parallel, sequentialFirst, sequentialAll, last);
        } finally {
            // dnsjava's selector thread would otherwise keep exec:java waiting
            org.xbill.DNS.NioClient.close();
        }
    }

    private static FindResult find(Loopback net, ProviderCatalog catalog, FinderOptions options, FindRequest request) {
        return new SettingsFinder(catalog, net.dns.lookup(), options).find(request, FindListener.NONE);
    }

    /**
     * The same candidates one after another, in rank order, each with the same bound on silence (read timeout =
     * greeting timeout): {time until the first working one is confirmed, time for all eight}.
     */
    private static long[] sequential(Loopback net, ProviderCatalog catalog, ProbeOptions probeOptions,
            AccountSettings workingSettings) throws Exception {
        ProbeOptions bounded = probeOptions.withTimeouts(probeOptions.connectTimeout(), GREETING_TIMEOUT)
                .withGreetingWait(GREETING_TIMEOUT);
        long start = System.nanoTime();
        long first = -1;
        List<Candidate> order = new ArrayList<>();
        catalog.providers().get(0).servers().stream()
                .sorted((a, b) -> Integer.compare(rank(a.security()), rank(b.security())))
                .forEach(s -> order.add(Candidate.of(s.host(), s.port(), s.security(), CandidateSource.PRESET, "")));
        for (Candidate c : order) {
            String ip = net.dns.lookup().addresses(c.host()).get(0).getHostAddress();
            ProbeResult r = new Prober(bounded).probe(AccountSettings.of(ip, c.port(), c.security()),
                    ProbeListener.NONE);
            if (r.success() && first < 0) {
                ProbeResult signIn = new Prober(probeOptions).probe(workingSettings, ProbeListener.NONE);
                if (signIn.success()) {
                    first = ms(start);
                }
            }
        }
        return new long[] {first, ms(start)};
    }

    private static int rank(Security s) {
        return s == Security.SSL_TLS ? 0 : s == Security.STARTTLS ? 1 : 2;
    }

    private static ServerPreset preset(String host, int port, Security security) {
        return new ServerPreset(host, port, security, List.of("password-cleartext"), ServerPreset.UsernameForm.EMAIL);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void report(List<Long> single, List<Long> parallel, List<Long> seqFirst, List<Long> seqAll,
            FindResult last) {
        long singleMs = median(single);
        long parallelMs = median(parallel);
        long budget = Math.round(1.2 * (singleMs + GREETING_TIMEOUT.toMillis()));
        System.out.println("Discovery benchmark: 8 candidates on loopback (3 black holes ranked first, 4 refused, "
                + "1 working STARTTLS with sign-in), " + REPLY_DELAY.toMillis() + " ms reply delay, greeting timeout "
                + GREETING_TIMEOUT.toMillis() + " ms, median of " + RUNS + " runs");
        System.out.printf(Locale.ROOT, "  single working probe (STARTTLS, AUTH, MAIL FROM): %5d ms  %s%n", singleMs, single);
        System.out.printf(Locale.ROOT, "  parallel search, final answer:                    %5d ms  %s%n", parallelMs, parallel);
        System.out.printf(Locale.ROOT, "  budget 1.2 x (single probe + greeting timeout):   %5d ms  -> ratio %.2f  %s%n",
                budget, parallelMs / (double) budget, parallelMs <= budget ? "WITHIN BUDGET" : "OVER BUDGET");
        long seqFirstMs = median(seqFirst);
        long seqAllMs = median(seqAll);
        System.out.printf(Locale.ROOT, "  one after another, until the first works:         %5d ms  (%.1fx the parallel time)%n",
                seqFirstMs, seqFirstMs / (double) parallelMs);
        System.out.printf(Locale.ROOT, "  one after another, all eight:                     %5d ms  (%.1fx the parallel time)%n",
                seqAllMs, seqAllMs / (double) parallelMs);
        System.out.println("  last search's outcomes:");
        last.ranked().forEach(o -> System.out.printf(Locale.ROOT, "    %-20s %5d %-8s %-20s %s%n", o.candidate().host(),
                o.candidate().port(), o.candidate().security(), o.status(),
                o.reason().map(Enum::name).orElse("")));
    }
}

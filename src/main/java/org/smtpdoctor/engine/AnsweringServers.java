package org.smtpdoctor.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smtpdoctor.probe.AlternativeCheck;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;

/**
 * The server ports that greeted a test of this session, and when. A port that greeted a short while ago and now
 * refuses or ignores the connection has not moved, nor has the server changed its name: the server is turning this
 * address away, most often a ban after failed sign-ins (fail2ban, a provider's own lockout). Kept for one engine, that
 * is one wizard window or one command.
 */
final class AnsweringServers {

    /** How long a greeting counts as "a short while ago": longer than the usual bans (fail2ban's default, 10 min). */
    static final Duration RECENT = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Instant> greeted = new ConcurrentHashMap<>();

    AnsweringServers(Clock clock) {
        this.clock = clock;
    }

    /** Remembers the port of {@code result} when it greeted. */
    void remember(ProbeResult result) {
        if (result.passed(Phase.GREETING)) {
            greeted.put(key(result.settings().host(), result.settings().port()), clock.instant());
        }
    }

    /**
     * How long ago a port that now refused or stayed silent (the tested one, or one of the usual ports checked just
     * now) greeted an earlier test of this session; empty when none did, or too long ago.
     */
    Optional<Duration> silencedSince(ProbeResult result, Verification verification) {
        String host = result.settings().host();
        List<Integer> silent = new ArrayList<>();
        if (result.failure().filter(k -> k == FailureKind.CONNECTION_REFUSED || k == FailureKind.CONNECT_TIMEOUT
                || k == FailureKind.NO_GREETING).isPresent()) {
            silent.add(result.settings().port());
        }
        verification.checks().stream().filter(c -> c.answer() == AlternativeCheck.Answer.REFUSED
                || c.answer() == AlternativeCheck.Answer.SILENT).forEach(c -> silent.add(c.settings().port()));
        Instant now = clock.instant();
        return silent.stream().map(port -> greeted.get(key(host, port))).filter(t -> t != null)
                .map(then -> Duration.between(then, now))
                .filter(d -> !d.isNegative() && d.compareTo(RECENT) <= 0)
                .min(Duration::compareTo);
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}

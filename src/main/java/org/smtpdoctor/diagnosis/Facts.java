package org.smtpdoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.smtpdoctor.probe.Capabilities;
import org.smtpdoctor.probe.EnhancedStatusCode;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.ProbeResult;
import org.smtpdoctor.probe.Verification;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.ProviderCatalog;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;

/**
 * Everything the rules may look at, whether it came from a probe or from pasted text: one shape, so one rule table
 * serves both.
 *
 * @param probe            the probe result, when the facts come from a probe
 * @param pasted           the pasted evidence, when the facts come from pasted text
 * @param serverText       the words to look for hints in (the server's reply; for pasted text the whole text)
 * @param replyText        the server's reply as received or quoted, for the technical detail
 * @param certificateNames names the server's certificate is valid for
 * @param provider         the mail provider the host, the addresses or the reply point at
 * @param verification     the standard alternatives on the same server, checked just now ({@link Verification#NONE}
 *                         when no check ran)
 */
record Facts(
        ProviderCatalog catalog,
        Optional<ProbeResult> probe,
        Optional<PastedEvidence> pasted,
        boolean success,
        Optional<Phase> phase,
        Optional<FailureKind> kind,
        OptionalInt code,
        Optional<EnhancedStatusCode> enhanced,
        String serverText,
        String replyText,
        Optional<String> host,
        OptionalInt port,
        Optional<Security> security,
        Optional<AuthMethod> authMethod,
        Optional<String> username,
        Optional<String> sender,
        List<String> certificateNames,
        Optional<Provider> provider,
        Verification verification) {

    Facts {
        verification = verification == null ? Verification.NONE : verification;
        serverText = serverText == null ? "" : serverText;
        replyText = replyText == null ? "" : replyText;
        certificateNames = List.copyOf(certificateNames);
    }

    boolean fromProbe() {
        return probe.isPresent();
    }

    /** The server text in lower case, for hint matching. */
    String lowerText() {
        return serverText.toLowerCase(Locale.ROOT);
    }

    Optional<Capabilities> capabilities() {
        return probe.map(ProbeResult::capabilities);
    }

    Optional<Capabilities> capabilitiesAfterTls() {
        return probe.flatMap(ProbeResult::capabilitiesAfterTls);
    }

    /** The documented server of the provider matching the host, port (if known) and security (if known). */
    Optional<ServerPreset> preset() {
        if (provider.isEmpty() || host.isEmpty()) {
            return Optional.empty();
        }
        List<ServerPreset> servers = provider.get().servers().stream()
                .filter(s -> s.host().equalsIgnoreCase(host.get())).toList();
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        return servers.stream()
                .filter(s -> port.isEmpty() || s.port() == port.getAsInt())
                .findFirst()
                .or(() -> servers.stream().filter(s -> security.isEmpty() || s.security() == security.get())
                        .findFirst())
                .or(() -> Optional.of(servers.get(0)));
    }
}

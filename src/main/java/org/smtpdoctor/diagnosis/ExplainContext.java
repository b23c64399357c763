package org.smtpdoctor.diagnosis;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.Security;

/**
 * What the user knows besides a pasted error: the step it happened in and the settings in use. Each part is
 * optional; what is given wins over what the text suggests, since the user stated it.
 *
 * @param phase    the session step the error belongs to
 * @param host     the outgoing server name in use
 * @param port     the port in use
 * @param security the connection security in use
 * @param username the sign-in name in use
 * @param sender   the address the mail program sends from, which names the provider when nothing else does
 */
public record ExplainContext(
        Optional<Phase> phase,
        Optional<String> host,
        OptionalInt port,
        Optional<Security> security,
        Optional<String> username,
        Optional<String> sender) {

    public ExplainContext {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sender, "sender");
        host = host.map(String::strip).filter(h -> !h.isEmpty());
        username = username.map(String::strip).filter(u -> !u.isEmpty());
        sender = sender.map(String::strip).filter(a -> !a.isEmpty());
    }

    /** No context at all: the text alone. */
    public static ExplainContext none() {
        return new ExplainContext(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** From nullable parts, as a command line or form has them. */
    public static ExplainContext of(Phase phase, String host, Integer port, Security security, String username) {
        return new ExplainContext(Optional.ofNullable(phase), Optional.ofNullable(host),
                port == null ? OptionalInt.empty() : OptionalInt.of(port), Optional.ofNullable(security),
                Optional.ofNullable(username), Optional.empty());
    }

    public ExplainContext withPhase(Phase newPhase) {
        return new ExplainContext(Optional.ofNullable(newPhase), host, port, security, username, sender);
    }

    public ExplainContext withHost(String newHost) {
        return new ExplainContext(phase, Optional.ofNullable(newHost), port, security, username, sender);
    }

    public ExplainContext withPort(int newPort) {
        return new ExplainContext(phase, host, OptionalInt.of(newPort), security, username, sender);
    }

    public ExplainContext withSecurity(Security newSecurity) {
        return new ExplainContext(phase, host, port, Optional.ofNullable(newSecurity), username, sender);
    }

    public ExplainContext withUsername(String newUsername) {
        return new ExplainContext(phase, host, port, security, Optional.ofNullable(newUsername), sender);
    }

    public ExplainContext withSender(String newSender) {
        return new ExplainContext(phase, host, port, security, username, Optional.ofNullable(newSender));
    }
}

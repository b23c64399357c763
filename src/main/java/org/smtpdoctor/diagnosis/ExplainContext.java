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
 */
public record ExplainContext(
        Optional<Phase> phase,
        Optional<String> host,
        OptionalInt port,
        Optional<Security> security,
        Optional<String> username) {

    public ExplainContext {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        host = host.map(String::strip).filter(h -> !h.isEmpty());
        username = username.map(String::strip).filter(u -> !u.isEmpty());
    }

    /** No context at all: the text alone. */
    public static ExplainContext none() {
        return new ExplainContext(Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    /** From nullable parts, as a command line or form has them. */
    public static ExplainContext of(Phase phase, String host, Integer port, Security security, String username) {
        return new ExplainContext(Optional.ofNullable(phase), Optional.ofNullable(host),
                port == null ? OptionalInt.empty() : OptionalInt.of(port), Optional.ofNullable(security),
                Optional.ofNullable(username));
    }

    public ExplainContext withPhase(Phase newPhase) {
        return new ExplainContext(Optional.ofNullable(newPhase), host, port, security, username);
    }

    public ExplainContext withHost(String newHost) {
        return new ExplainContext(phase, Optional.ofNullable(newHost), port, security, username);
    }

    public ExplainContext withPort(int newPort) {
        return new ExplainContext(phase, host, OptionalInt.of(newPort), security, username);
    }

    public ExplainContext withSecurity(Security newSecurity) {
        return new ExplainContext(phase, host, port, Optional.ofNullable(newSecurity), username);
    }

    public ExplainContext withUsername(String newUsername) {
        return new ExplainContext(phase, host, port, security, Optional.ofNullable(newUsername));
    }
}

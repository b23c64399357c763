package org.smtpdoctor.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smtpdoctor.i18n.Messages;

/**
 * Checks what the user typed before anything touches the network, and reports every problem at once, each naming
 * its field in plain words that say what is wrong and what to do.
 *
 * <p>It repairs what it safely can (a pasted {@code smtp://host:587}, an international name, surrounding spaces)
 * and says so with a {@link Problem.Severity#NOTE}; it warns about settings that are legal but suspicious (SSL/TLS
 * on port 587) rather than refusing them, because the probe will tell for sure; only input that cannot be probed
 * at all is an {@link Problem.Severity#ERROR}. The wizard shows the problems below the fields, the command line
 * prints them, and both probe the normalised {@link AccountSettings} when there is no error.
 */
public final class SettingsValidator {

    static final String BUNDLE = "org.smtpdoctor.settings.messages";

    private static final Pattern PORT_NUMBER = Pattern.compile("[+-]?[0-9]+");
    /** Ports where implicit TLS is unusual: plain SMTP and submission with STARTTLS. */
    private static final List<Integer> STARTTLS_PORTS = List.of(25, 587);
    private static final int IMPLICIT_TLS_PORT = 465;

    private SettingsValidator() {
    }

    /** Validates in the default locale's language. */
    public static Validation validate(SettingsInput input) {
        return validate(input, Locale.getDefault());
    }

    public static Validation validate(SettingsInput input, Locale locale) {
        Messages messages = Messages.of(BUNDLE, locale);
        Checked checked = check(input);
        List<Problem> problems = new ArrayList<>();
        for (Finding f : checked.findings()) {
            problems.add(f.toProblem(messages));
        }
        return new Validation(checked.settings(), problems);
    }

    /** The findings before they are put into words, and the settings when there is no error. */
    record Checked(Optional<AccountSettings> settings, List<Finding> findings) {
    }

    static Checked check(SettingsInput input) {
        List<Finding> findings = new ArrayList<>();
        Security security = input.security();
        if (security == null) {
            findings.add(Finding.error(Setting.SECURITY, "settings.security.missing"));
        }
        AuthMethod auth = input.authMethod() == null ? AuthMethod.NONE : input.authMethod();

        HostParser.Parsed host = HostParser.parse(input.host(), findings);
        Optional<Integer> port = checkPort(input.port(), host.port(), security, findings);
        checkSecurity(security, port, host.schemeSecurity(), findings);
        String username = checkCredentials(auth, input.username(), input.secret(), findings);
        Optional<String> sender = AddressChecker.check(input.sender(), Setting.SENDER_ADDRESS,
                "settings.sender.", findings);
        Optional<String> recipient = AddressChecker.check(input.recipient(), Setting.RECIPIENT_ADDRESS,
                "settings.recipient.", findings);

        boolean anyError = findings.stream().anyMatch(Finding::isError);
        if (anyError || host.host().isEmpty() || port.isEmpty() || security == null
                || sender.isEmpty() || recipient.isEmpty()) {
            return new Checked(Optional.empty(), findings);
        }
        AccountSettings settings = new AccountSettings(host.host().get(), port.get(), security, auth,
                username, input.secret(), sender.get(), recipient.get());
        return new Checked(Optional.of(settings), findings);
    }

    private static Optional<Integer> checkPort(String raw, Optional<Integer> fromHost, Security security,
            List<Finding> findings) {
        String typed = raw == null ? "" : raw.strip();
        if (typed.isEmpty()) {
            if (fromHost.isPresent()) {
                findings.add(Finding.note(Setting.PORT, "settings.port.movedFromHost", fromHost.get().toString()));
                return fromHost;
            }
            if (security == null) {
                return Optional.empty();
            }
            findings.add(Finding.note(Setting.PORT, "settings.port.defaulted",
                    String.valueOf(security.usualPort()), security.label()));
            return Optional.of(security.usualPort());
        }
        if (!PORT_NUMBER.matcher(typed).matches()) {
            findings.add(Finding.error(Setting.PORT, "settings.port.notNumber", typed));
            return Optional.empty();
        }
        Optional<Integer> inRange = Ports.parse(typed.replaceFirst("^\\+", ""));
        if (inRange.isEmpty()) {
            findings.add(Finding.error(Setting.PORT, "settings.port.outOfRange", typed));
            return Optional.empty();
        }
        int port = inRange.get();
        if (fromHost.isPresent() && fromHost.get() != port) {
            findings.add(Finding.error(Setting.PORT, "settings.port.conflictsWithHost",
                    fromHost.get().toString(), String.valueOf(port)));
            return Optional.empty();
        }
        if (fromHost.isPresent()) {
            findings.add(Finding.note(Setting.SERVER_HOST, "settings.host.portRemoved", String.valueOf(port)));
        }
        return Optional.of(port);
    }

    /** Suspicious but legal combinations: warnings, because the probe will tell. */
    private static void checkSecurity(Security security, Optional<Integer> port, Optional<Security> fromScheme,
            List<Finding> findings) {
        if (security == null) {
            return;
        }
        if (fromScheme.isPresent() && fromScheme.get() != security) {
            findings.add(Finding.warning(Setting.SECURITY, "settings.security.urlSaysSsl", security.label()));
        }
        if (port.isEmpty()) {
            return;
        }
        int p = port.get();
        if (security == Security.SSL_TLS && STARTTLS_PORTS.contains(p)) {
            findings.add(Finding.warning(Setting.SECURITY, "settings.security.sslOnStarttlsPort", String.valueOf(p)));
        } else if (security != Security.SSL_TLS && p == IMPLICIT_TLS_PORT) {
            findings.add(Finding.warning(Setting.SECURITY, "settings.security.plainOnSslPort",
                    String.valueOf(p), security.label()));
        }
    }

    /**
     * Sign-in needs a name and a secret. An empty secret is an error for every method including XOAUTH2: there the
     * secret is the access token, and without it no sign-in can be tried at all.
     *
     * @return the username to keep (trimmed)
     */
    private static String checkCredentials(AuthMethod auth, String rawUsername, Secret rawSecret,
            List<Finding> findings) {
        String typed = rawUsername == null ? "" : rawUsername;
        String username = typed.strip();
        Secret secret = rawSecret == null ? Secret.empty() : rawSecret;
        if (auth == AuthMethod.NONE) {
            if (!username.isEmpty() || !secret.isEmpty()) {
                findings.add(Finding.note(Setting.AUTH_METHOD, "settings.signIn.offCredentialsUnused"));
            }
            return username;
        }
        if (username.isEmpty()) {
            findings.add(Finding.error(Setting.USERNAME, "settings.username.empty"));
        } else if (!username.equals(typed)) {
            findings.add(Finding.note(Setting.USERNAME, "settings.username.trimmed", username));
        }
        if (secret.isEmpty()) {
            findings.add(Finding.error(Setting.PASSWORD,
                    auth == AuthMethod.XOAUTH2 ? "settings.password.tokenEmpty" : "settings.password.empty"));
        } else if (secret.hasSurroundingWhitespace()) {
            findings.add(Finding.warning(Setting.PASSWORD, "settings.password.surroundingSpaces"));
        }
        return username;
    }
}

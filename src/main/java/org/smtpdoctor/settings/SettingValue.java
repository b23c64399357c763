package org.smtpdoctor.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * A value of one mail-program setting, typed by what it is: a host name, a port, a connection security, a sign-in
 * method, a username, an e-mail address, or free text.
 *
 * <p>Diagnoses, found settings and the fronts pass these instead of strings, so no front parses a suggestion back
 * ("SSL/TLS" → {@link Security#SSL_TLS}) before it can fill a form or name the value in a mail program's words.
 * {@link #neutral()} is the one text form for JSON and transcripts ("587", "SSL/TLS", "plain").
 */
public sealed interface SettingValue {

    /** The neutral text: a port's digits, {@link Security#label()}, {@link AuthMethod#cliName()}, a name as is. */
    String neutral();

    static SettingValue host(String host) {
        return new HostName(host);
    }

    static SettingValue port(int port) {
        return new PortNumber(port);
    }

    static SettingValue security(Security security) {
        return new SecurityChoice(security);
    }

    static SettingValue auth(AuthMethod method) {
        return new AuthChoice(method);
    }

    static SettingValue username(String name) {
        return new UserName(name);
    }

    static SettingValue address(String address) {
        return new EmailAddress(address);
    }

    static SettingValue text(String text) {
        return new FreeText(text);
    }

    /**
     * The value {@code settings} hold for {@code setting}; empty for a setting that is not one of the account's
     * fields or is secret (the password is never a setting value).
     */
    static Optional<SettingValue> of(Setting setting, AccountSettings settings) {
        return switch (setting) {
            case SERVER_HOST -> Optional.of(host(settings.host()));
            case PORT -> Optional.of(port(settings.port()));
            case SECURITY -> Optional.of(security(settings.security()));
            case AUTH_METHOD -> Optional.of(auth(settings.authMethod()));
            case USERNAME -> Optional.of(username(settings.username()));
            case SENDER_ADDRESS -> Optional.of(address(settings.sender()));
            case RECIPIENT_ADDRESS -> Optional.of(address(settings.recipient()));
            case PASSWORD, APP_PASSWORD, ENABLE_SMTP_AUTH_AT_PROVIDER, MESSAGE_CONTENT_OR_SIZE, WAIT_AND_RETRY,
                    NETWORK_OR_FIREWALL, CONTACT_PROVIDER, NONE -> Optional.empty();
        };
    }

    /** A server host name ("smtp.example.com"). */
    record HostName(String host) implements SettingValue {
        public HostName {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String neutral() {
            return host;
        }
    }

    /** A TCP port (587). */
    record PortNumber(int port) implements SettingValue {
        @Override
        public String neutral() {
            return Integer.toString(port);
        }
    }

    /** A connection security choice. */
    record SecurityChoice(Security security) implements SettingValue {
        public SecurityChoice {
            Objects.requireNonNull(security, "security");
        }

        @Override
        public String neutral() {
            return security.label();
        }
    }

    /** A sign-in method ({@link AuthMethod#NONE} means "no sign-in"). */
    record AuthChoice(AuthMethod method) implements SettingValue {
        public AuthChoice {
            Objects.requireNonNull(method, "method");
        }

        @Override
        public String neutral() {
            return method.cliName();
        }
    }

    /** A sign-in username. */
    record UserName(String name) implements SettingValue {
        public UserName {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String neutral() {
            return name;
        }
    }

    /** An e-mail address (sender or recipient). */
    record EmailAddress(String address) implements SettingValue {
        public EmailAddress {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String neutral() {
            return address;
        }
    }

    /** Anything else, as text. */
    record FreeText(String text) implements SettingValue {
        public FreeText {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String neutral() {
            return text;
        }
    }
}

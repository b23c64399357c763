package org.smtpdoctor.cli;

import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Security;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors are one clear line naming the accepted values. */
final class Converters {

    private Converters() {
    }

    static final class SecurityConverter implements ITypeConverter<Security> {
        @Override
        public Security convert(String value) {
            try {
                return Security.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a connection security: use none, starttls or ssl");
            }
        }
    }

    static final class AuthConverter implements ITypeConverter<AuthMethod> {
        @Override
        public AuthMethod convert(String value) {
            try {
                return AuthMethod.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a sign-in method: use auto, none, plain, login, cram-md5 or xoauth2");
            }
        }
    }

    static final class ClientConverter implements ITypeConverter<MailClient> {
        @Override
        public MailClient convert(String value) {
            try {
                return MailClient.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PhaseConverter implements ITypeConverter<Phase> {
        @Override
        public Phase convert(String value) {
            String v = value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (v.equals("HELO")) {
                v = "EHLO";
            } else if (v.equals("MAIL")) {
                v = "MAIL_FROM";
            } else if (v.equals("RCPT")) {
                v = "RCPT_TO";
            }
            try {
                return Phase.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a phase: use connect, greeting, ehlo,"
                        + " starttls, tls_handshake, auth, mail_from, rcpt_to, data or end_of_data");
            }
        }
    }
}

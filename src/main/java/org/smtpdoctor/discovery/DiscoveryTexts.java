package org.smtpdoctor.discovery;

import java.util.Locale;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Security;

/**
 * The discovery's user-facing words (bundle {@code org.smtpdoctor.discovery.messages}): statuses, sources and
 * provider notes, shared by the command line and the wizard so both say the same thing.
 */
public final class DiscoveryTexts {

    public static final String BUNDLE = "org.smtpdoctor.discovery.messages";

    private final Messages messages;

    public DiscoveryTexts(Locale locale) {
        this.messages = Messages.of(BUNDLE, locale);
    }

    public static DiscoveryTexts forDefaultLocale() {
        return new DiscoveryTexts(Locale.getDefault());
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
    }

    /** "works with sign-in", "reachable, sign-in not tested" ... */
    public String status(CandidateStatus status) {
        return messages.get("discovery.status." + Messages.jsonName(status));
    }

    /** "your current setting", "provider's published setting" ... */
    public String source(CandidateSource source) {
        return messages.get("discovery.source." + Messages.jsonName(source));
    }

    /** "None of the server names could be looked up (DNS) ..." */
    public String sharedFailure(SharedFailure failure) {
        return messages.get(failure.key());
    }

    /** A candidate in one line: "smtp.example.com, port 465, SSL/TLS". */
    public String candidate(Candidate candidate) {
        return messages.get("discovery.candidate", candidate.host(), Integer.toString(candidate.port()),
                securityLabel(candidate.security()));
    }

    private static String securityLabel(Security security) {
        return security.label();
    }
}

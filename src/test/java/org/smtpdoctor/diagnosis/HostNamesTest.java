package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.providers.ProviderCatalog;

class HostNamesTest {

    private static final List<String> KNOWN = ProviderCatalog.builtIn().knownServerHosts();

    @Test
    void swappedLettersCountAsOneTypo() {
        assertEquals(1, HostNames.distance("smtp.gmial.com", "smtp.gmail.com"));
    }

    @Test
    void misspelledProviderHostIsCorrected() {
        assertEquals(Optional.of("smtp.gmail.com"), HostNames.correctTypo("smtp.gmial.com", KNOWN));
        assertEquals(Optional.of("smtp.office365.com"), HostNames.correctTypo("smtp.ofice365.com", KNOWN));
        assertEquals(Optional.of("smtp.mail.yahoo.com"), HostNames.correctTypo("smtp.mail.yaho.com", KNOWN));
    }

    @Test
    void unrelatedOrCorrectHostIsNotCorrected() {
        assertEquals(Optional.empty(), HostNames.correctTypo("mail.example.org", KNOWN));
        assertEquals(Optional.empty(), HostNames.correctTypo("smtp.gmail.com", KNOWN));
    }

    @Test
    void wildcardCoversExactlyOneLabel() {
        assertEquals(Optional.of("smtp.hostinger.com"),
                HostNames.usableCertificateName(List.of("*.hostinger.com"), List.of("smtp.hostinger.com")));
        assertEquals(Optional.empty(),
                HostNames.usableCertificateName(List.of("*.hostinger.com"), List.of("a.b.hostinger.com")));
        assertEquals(Optional.empty(),
                HostNames.usableCertificateName(List.of("*.hostinger.com"), List.of("hostinger.com")));
    }

    @Test
    void certificateNamesAreMatchedByTheProbesRfc6125Matcher() {
        // one matcher for probe and diagnosis: no wildcard over a whole top-level domain, case and a final dot ignored
        assertEquals(Optional.empty(), HostNames.usableCertificateName(List.of("*.com"), List.of("example.com")));
        assertEquals(Optional.of("smtp.example.com"),
                HostNames.usableCertificateName(List.of("SMTP.Example.COM."), List.of("smtp.example.com")));
    }

    @Test
    void certificateNamePrefersADocumentedServer() {
        assertEquals(Optional.of("smtp.hostinger.com"),
                HostNames.usableCertificateName(List.of("*.hostinger.com", "hostinger.com"), KNOWN));
        assertEquals(Optional.of("mail-admin.mxnodes.com"),
                HostNames.usableCertificateName(List.of("mail-admin.mxnodes.com"), KNOWN));
        assertEquals(Optional.empty(), HostNames.usableCertificateName(List.of("*.example.net"), KNOWN));
    }
}

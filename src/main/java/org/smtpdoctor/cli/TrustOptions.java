package org.smtpdoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.probe.CertificatePin;
import org.smtpdoctor.probe.ProbeOptions;
import picocli.CommandLine.Option;

/**
 * {@code --trust-cert} and {@code --trust-fingerprint}, with one meaning on every command that connects
 * ({@code probe}, {@code find}): certificates to trust besides the JDK's and the operating system's, and the one
 * server certificate to trust for this test. A picocli mixin.
 */
final class TrustOptions {

    @Option(names = "--trust-cert", paramLabel = "FILE.pem",
            description = "Also trust the certificate(s) in this PEM file (e.g. a company CA or a self-signed server)")
    Path trustCert;

    @Option(names = "--trust-fingerprint", paramLabel = "SHA256:…",
            description = "Trust exactly the server certificate with this SHA-256 fingerprint for this test, as a mail"
                    + " program does when you accept a certificate (compare it with what your provider or IT gives"
                    + " you; the result shows the server's)")
    List<String> fingerprints;

    /**
     * {@code options} with the certificates and pins these options name.
     *
     * @throws IllegalArgumentException with a one-line message when a file or fingerprint cannot be used
     */
    ProbeOptions applyTo(ProbeOptions options) {
        List<CertificatePin> pins = new ArrayList<>();
        for (String f : fingerprints == null ? List.<String>of() : fingerprints) {
            pins.add(CertificatePin.parse(f));
        }
        List<X509Certificate> certs = trustCert == null ? List.of() : readCertificates(trustCert);
        List<X509Certificate> all = new ArrayList<>(options.trustedCertificates());
        all.addAll(certs);
        List<CertificatePin> allPins = new ArrayList<>(options.pinnedCertificates());
        allPins.addAll(pins);
        return options.withTrustedCertificates(all).withPinnedCertificates(allPins);
    }

    static List<X509Certificate> readCertificates(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--trust-cert: " + file + " is a directory; give the PEM file itself"
                    + " (for example " + file.resolve("ca.pem") + ").");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--trust-cert: no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("--trust-cert: " + file + " holds no certificate (expected PEM).");
            }
            return certs;
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException("--trust-cert: " + file
                    + " is not a readable PEM certificate file (-----BEGIN CERTIFICATE-----).");
        }
    }
}

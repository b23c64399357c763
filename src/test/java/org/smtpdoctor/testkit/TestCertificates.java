package org.smtpdoctor.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for TLS tests, generated in memory (EC P-256, fast). One test CA and one server key per JVM; each
 * variant is made once and reused. A client trusts a variant by adding {@link ServerIdentity#trustedCertificates()}
 * to its trust; without that, every variant is untrusted by the JDK trust store, as it should be.
 *
 * <pre>{@code
 * ServerIdentity ok = TestCertificates.localhost();      // CA-signed, "localhost" + 127.0.0.1 + ::1
 * ServerIdentity old = TestCertificates.expired();       // CA-signed, expired 30 days ago
 * ProbeOptions trusting = ProbeOptions.defaults().withTrustedCertificates(ok.trustedCertificates());
 * }</pre>
 */
public final class TestCertificates {

    /** The names a certificate from {@link #otherHost()} is valid for. */
    public static final String OTHER_HOST = "mail.other.example";
    /** The name a certificate from {@link #wildcard()} is valid for. */
    public static final String WILDCARD = "*.example.test";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final Duration DAY = Duration.ofDays(1);
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final Map<String, ServerIdentity> VARIANTS = new ConcurrentHashMap<>();

    private TestCertificates() {
    }

    /** Generated once per JVM: the CA's key and certificate and the one key every server certificate certifies. */
    private static final class Keys {
        static final KeyPair CA_KEY = newKeyPair();
        static final KeyPair SERVER_KEY = newKeyPair();
        static final X509Certificate CA = build(new X500Principal("CN=SMTP Doctor Test CA, O=SMTP Doctor tests"),
                CA_KEY, new X500Principal("CN=SMTP Doctor Test CA, O=SMTP Doctor tests"), CA_KEY,
                Instant.now().minus(DAY.multipliedBy(365)), Instant.now().plus(DAY.multipliedBy(3650)), true,
                List.of());
    }

    /** The test CA every non-self-signed variant is signed by. */
    public static X509Certificate ca() {
        return Keys.CA;
    }

    /** Valid now, signed by the test CA, for "localhost", 127.0.0.1 and ::1. */
    public static ServerIdentity localhost() {
        return forNames("localhost", "127.0.0.1", "::1");
    }

    /** Valid now, signed by the test CA, for the given DNS names and IP literals (e.g. "127.0.0.2"). */
    public static ServerIdentity forNames(String... namesOrIps) {
        return signed("valid", Instant.now().minus(DAY), Instant.now().plus(DAY.multipliedBy(365)), namesOrIps);
    }

    /** Signed by the test CA for localhost, but expired 30 days ago. */
    public static ServerIdentity expired() {
        return signed("expired", Instant.now().minus(DAY.multipliedBy(400)), Instant.now().minus(DAY.multipliedBy(30)),
                "localhost", "127.0.0.1", "::1");
    }

    /** Signed by the test CA for localhost, but valid only from 30 days from now. */
    public static ServerIdentity notYetValid() {
        return signed("future", Instant.now().plus(DAY.multipliedBy(30)), Instant.now().plus(DAY.multipliedBy(400)),
                "localhost", "127.0.0.1", "::1");
    }

    /** Signed by the test CA, valid now, but only for {@value #OTHER_HOST}: a host-name mismatch on localhost. */
    public static ServerIdentity otherHost() {
        return forNames(OTHER_HOST);
    }

    /** Signed by the test CA, valid now, for {@value #WILDCARD} only. */
    public static ServerIdentity wildcard() {
        return forNames(WILDCARD);
    }

    /**
     * Signed by the test CA, valid now for localhost, but issued for client authentication only (extended key usage
     * clientAuth): the platform, and every mail program, refuses it as a server certificate.
     */
    public static ServerIdentity clientAuthOnly() {
        return VARIANTS.computeIfAbsent("client-auth-only", key -> {
            X500Principal subject = new X500Principal("CN=localhost, O=Client certificate");
            X509Certificate certificate = build(subject, Keys.SERVER_KEY, Keys.CA.getSubjectX500Principal(),
                    Keys.CA_KEY, Instant.now().minus(DAY), Instant.now().plus(DAY.multipliedBy(365)), false,
                    List.of("localhost", "127.0.0.1", "::1"), KeyPurposeId.id_kp_clientAuth);
            return new ServerIdentity(Keys.SERVER_KEY.getPrivate(), certificate, Keys.CA);
        });
    }

    /** Valid now for localhost, signed by its own key (no CA); its trust anchor is itself. */
    public static ServerIdentity selfSigned() {
        return VARIANTS.computeIfAbsent("self-signed", key -> {
            X500Principal subject = new X500Principal("CN=localhost, O=Self-signed test server");
            X509Certificate certificate = build(subject, Keys.SERVER_KEY, subject, Keys.SERVER_KEY,
                    Instant.now().minus(DAY), Instant.now().plus(DAY.multipliedBy(365)), false,
                    List.of("localhost", "127.0.0.1", "::1"));
            return new ServerIdentity(Keys.SERVER_KEY.getPrivate(), certificate, certificate);
        });
    }

    /** A client TLS context trusting only the given certificates (not the JDK trust store). */
    public static SSLContext clientContextTrusting(X509Certificate... anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("anchor-" + i, anchors[i]);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a client TLS context", e);
        }
    }

    private static ServerIdentity signed(String variant, Instant notBefore, Instant notAfter, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        return VARIANTS.computeIfAbsent(variant + Arrays.toString(names), key -> {
            X500Principal subject = new X500Principal("CN=" + names[0].replace("*", "wildcard") + ", O=Test server");
            X509Certificate certificate = build(subject, Keys.SERVER_KEY, Keys.CA.getSubjectX500Principal(),
                    Keys.CA_KEY, notBefore, notAfter, false, List.of(names));
            return new ServerIdentity(Keys.SERVER_KEY.getPrivate(), certificate, Keys.CA);
        });
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 key generator", e);
        }
    }

    private static X509Certificate build(X500Principal subject, KeyPair subjectKey, X500Principal issuer,
            KeyPair issuerKey, Instant notBefore, Instant notAfter, boolean ca, List<String> names) {
        return build(subject, subjectKey, issuer, issuerKey, notBefore, notAfter, ca, names,
                KeyPurposeId.id_kp_serverAuth);
    }

    private static X509Certificate build(X500Principal subject, KeyPair subjectKey, X500Principal issuer,
            KeyPair issuerKey, Instant notBefore, Instant notAfter, boolean ca, List<String> names,
            KeyPurposeId purpose) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(subjectKey.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuerKey.getPublic()));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(purpose))
                        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                                names.stream().map(TestCertificates::generalName).toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a test certificate", e);
        }
    }

    private static GeneralName generalName(String name) {
        return IP_LITERAL.matcher(name).matches()
                ? new GeneralName(GeneralName.iPAddress, name)
                : new GeneralName(GeneralName.dNSName, name);
    }
}

package org.smtpdoctor.probe;

/**
 * What made the probe trust the server's certificate. Tells a publicly trusted certificate from one the user's own
 * computer or choice vouches for (a company CA, a self-signed server), which the advice needs to tell a server's own
 * certificate from interception.
 */
public enum TrustSource {
    /** The JDK's trust store: a certificate authority every computer trusts. */
    PUBLIC_CA,
    /** The operating system's trust store (Windows-ROOT, macOS keychain, the Linux CA bundle) and not the JDK's. */
    SYSTEM,
    /** A certificate the user gave ({@code --trust-cert}). */
    USER_CERTIFICATE,
    /** The exact certificate whose SHA-256 fingerprint the user pinned for this test ({@code --trust-fingerprint}). */
    PINNED,
    /** Not trusted. */
    NONE
}

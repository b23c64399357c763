package org.smtpdoctor.discovery;

import java.time.Duration;
import java.util.Objects;
import org.smtpdoctor.probe.ProbeOptions;

/**
 * How the search runs. Every wait is short and bounded: the answer should come about as fast as the slowest useful
 * probe, not after the sum of all timeouts.
 *
 * @param probe                  options of each probe (connect and read timeouts, trusted certificates, EHLO name);
 *                               {@code allowPlaintextAuth} is taken from each request
 * @param greetingTimeout        a server that accepted the connection but has not greeted (or finished the TLS
 *                               handshake) by then is given up: a black hole must not hold up the answer
 * @param stagger                delay between starting one candidate and the next, in rank order
 * @param overallTimeout         the whole search; whatever runs then is cancelled
 * @param maxSignInAttempts      how many candidates may be verified with the user's credentials (each failure may
 *                               count against the account at the provider)
 * @param ports                  the usual ports guesses are made on
 * @param probeResolvedAddresses resolve each candidate's name through the search's {@link DnsLookup} and probe the
 *                               address (the name stays in the result). For tests and benchmarks that map names to
 *                               loopback servers whose certificates name the address; the certificate is checked
 *                               against the address then, so the command line and the wizard leave it off (the
 *                               probe then resolves the name through the same {@link DnsLookup} and checks the
 *                               certificate against the name).
 * @param autoconfig             fetch the domain's own autoconfig file over HTTPS (on by default)
 */
public record FinderOptions(
        ProbeOptions probe,
        Duration greetingTimeout,
        Duration stagger,
        Duration overallTimeout,
        int maxSignInAttempts,
        StandardPorts ports,
        boolean probeResolvedAddresses,
        boolean autoconfig) {

    public FinderOptions {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(greetingTimeout, "greetingTimeout");
        Objects.requireNonNull(stagger, "stagger");
        Objects.requireNonNull(overallTimeout, "overallTimeout");
        Objects.requireNonNull(ports, "ports");
        if (maxSignInAttempts < 1) {
            throw new IllegalArgumentException("maxSignInAttempts must be at least 1");
        }
    }

    /** Connect 4 s, read 8 s, greeting 3 s, 20 ms stagger, 30 s in all, at most 3 sign-in attempts. */
    public static FinderOptions defaults() {
        return new FinderOptions(
                ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(8))
                        .withGreetingWait(Duration.ofSeconds(1)),
                Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofSeconds(30), 3, StandardPorts.USUAL, false,
                true);
    }

    public FinderOptions withProbe(ProbeOptions newProbe) {
        return new FinderOptions(newProbe, greetingTimeout, stagger, overallTimeout, maxSignInAttempts, ports,
                probeResolvedAddresses, autoconfig);
    }

    public FinderOptions withGreetingTimeout(Duration timeout) {
        return new FinderOptions(probe, timeout, stagger, overallTimeout, maxSignInAttempts, ports,
                probeResolvedAddresses, autoconfig);
    }

    public FinderOptions withStagger(Duration newStagger) {
        return new FinderOptions(probe, greetingTimeout, newStagger, overallTimeout, maxSignInAttempts, ports,
                probeResolvedAddresses, autoconfig);
    }

    public FinderOptions withOverallTimeout(Duration timeout) {
        return new FinderOptions(probe, greetingTimeout, stagger, timeout, maxSignInAttempts, ports,
                probeResolvedAddresses, autoconfig);
    }

    public FinderOptions withMaxSignInAttempts(int attempts) {
        return new FinderOptions(probe, greetingTimeout, stagger, overallTimeout, attempts, ports,
                probeResolvedAddresses, autoconfig);
    }

    public FinderOptions withPorts(StandardPorts newPorts) {
        return new FinderOptions(probe, greetingTimeout, stagger, overallTimeout, maxSignInAttempts, newPorts,
                probeResolvedAddresses, autoconfig);
    }

    public FinderOptions withProbeResolvedAddresses(boolean resolve) {
        return new FinderOptions(probe, greetingTimeout, stagger, overallTimeout, maxSignInAttempts, ports, resolve,
                autoconfig);
    }

    public FinderOptions withAutoconfig(boolean fetch) {
        return new FinderOptions(probe, greetingTimeout, stagger, overallTimeout, maxSignInAttempts, ports,
                probeResolvedAddresses, fetch);
    }

    /**
     * The ports guesses are made on: implicit TLS (RFC 8314), submission with STARTTLS (RFC 6409) and the relay
     * port 25; and the HTTPS port autoconfig files are fetched from. Tests move them to free loopback ports.
     */
    public record StandardPorts(int implicitTls, int submission, int relay, int https) {

        public static final StandardPorts USUAL = new StandardPorts(465, 587, 25, 443);

        /** The usual HTTPS port 443 for autoconfig. */
        public StandardPorts(int implicitTls, int submission, int relay) {
            this(implicitTls, submission, relay, 443);
        }
    }
}

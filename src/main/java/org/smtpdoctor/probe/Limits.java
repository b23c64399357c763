package org.smtpdoctor.probe;

/**
 * Every bound the probe puts on what a server may make it read, keep or send, in one place. A server that crosses
 * one is misbehaving (a broken or hostile server, or something that is not a mail server); the probe stops with
 * {@link FailureKind#ENDLESS_REPLY} instead of waiting for a timeout or running out of memory. Each is generous
 * against what real servers send (RFC 5321 4.5.3.1: a reply line is at most 512 octets; an EHLO reply of a large
 * provider has about a dozen lines).
 */
public final class Limits {

    /** Bytes in one reply line, CRLF included: eight times RFC 5321's 512. */
    public static final int BYTES_PER_REPLY_LINE = 4096;
    /** Lines in one multi-line reply ({@code 250-...}). */
    public static final int LINES_PER_REPLY = 200;
    /** Bytes the probe reads from one connection in all, TLS records included: the bound on its memory. */
    public static final int BYTES_PER_CONNECTION = 1024 * 1024;
    /** SASL challenges ({@code 334}) answered in one sign-in; PLAIN needs one, LOGIN two, CRAM-MD5 one. */
    public static final int SASL_ROUND_TRIPS = 8;
    /** Lines kept in one probe's transcript; a marker line says when more were left out. */
    public static final int TRANSCRIPT_LINES = 2000;
    /** Characters kept in one probe's transcript in all (the bound on everything a probe prints or saves). */
    public static final int TRANSCRIPT_CHARS = 256 * 1024;
    /** Characters of pasted text read by {@code explain}: beyond this it is not an error message any more. */
    public static final int PASTED_TEXT_CHARS = 64 * 1024;

    private Limits() {
    }
}

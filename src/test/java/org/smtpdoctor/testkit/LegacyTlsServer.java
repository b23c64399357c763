package org.smtpdoctor.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * Plays a server that only speaks TLS versions this JDK has disabled (TLSv1, TLSv1.1): the JDK cannot be such a
 * server without changing a JVM-wide security property, so this answers the client's ClientHello with a ServerHello
 * of the old version, byte by byte, as an old OpenSSL server would. A modern client then aborts the handshake itself
 * ("no common protocol"), exactly as it does against a real old server.
 */
final class LegacyTlsServer {

    private static final Map<String, Integer> VERSIONS = Map.of("TLSv1", 0x0301, "TLSv1.1", 0x0302);

    private LegacyTlsServer() {
    }

    /** Whether none of the requested protocols can be served by the JDK, but at least one can be played. */
    static boolean needed(List<String> protocols, SSLContext context) {
        List<String> usable = List.of(context.getDefaultSSLParameters().getProtocols());
        return !protocols.isEmpty() && protocols.stream().noneMatch(usable::contains)
                && protocols.stream().anyMatch(VERSIONS::containsKey);
    }

    /** Reads the ClientHello, answers with an old-version ServerHello and returns what the handshake came to. */
    static SSLHandshakeException answer(List<String> protocols, InputStream in, OutputStream out)
            throws IOException {
        int version = protocols.stream().filter(VERSIONS::containsKey).mapToInt(VERSIONS::get).max().orElseThrow();
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[5];
        data.readFully(header);
        if (header[0] != 0x16) {
            return new SSLHandshakeException("not a TLS handshake record from the client");
        }
        byte[] hello = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
        data.readFully(hello);
        out.write(serverHello(version, firstTls12Suite(hello)));
        out.flush();
        while (in.read() >= 0) {
            // the client sends its alert and hangs up
        }
        return new SSLHandshakeException("played a server speaking only " + protocols);
    }

    /** The first suite the client offers that an old server could pick (not TLS 1.3, not a signalling value). */
    private static int firstTls12Suite(byte[] hello) {
        int sessionIdLength = hello[4 + 2 + 32] & 0xff;
        int at = 4 + 2 + 32 + 1 + sessionIdLength;
        int length = ((hello[at] & 0xff) << 8) | (hello[at + 1] & 0xff);
        for (int i = at + 2; i < at + 2 + length; i += 2) {
            int suite = ((hello[i] & 0xff) << 8) | (hello[i + 1] & 0xff);
            if ((suite >> 8) != 0x13 && suite != 0x00ff && suite != 0x5600) {
                return suite;
            }
        }
        return 0xc009; // TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
    }

    private static byte[] serverHello(int version, int suite) {
        int bodyLength = 2 + 32 + 1 + 2 + 1;
        byte[] record = new byte[5 + 4 + bodyLength];
        int i = 0;
        record[i++] = 0x16;
        record[i++] = (byte) (version >> 8);
        record[i++] = (byte) version;
        record[i++] = 0;
        record[i++] = (byte) (4 + bodyLength);
        record[i++] = 0x02; // ServerHello
        record[i++] = 0;
        record[i++] = 0;
        record[i++] = (byte) bodyLength;
        record[i++] = (byte) (version >> 8);
        record[i++] = (byte) version;
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        System.arraycopy(random, 0, record, i, 32);
        i += 32;
        record[i++] = 0; // no session id
        record[i++] = (byte) (suite >> 8);
        record[i++] = (byte) suite;
        record[i] = 0; // no compression
        return record;
    }
}

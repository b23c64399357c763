package org.smtpdoctor.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The probe's TCP socket: a plain socket whose input stream stops with a {@link LimitExceededException} once the
 * server has sent {@link Limits#BYTES_PER_CONNECTION} bytes. Everything read on the connection passes it: Angus's
 * reader, and a TLS layer made over this socket (implicit TLS or after STARTTLS), so memory stays bounded whatever a
 * server sends.
 */
final class LimitedSocket extends Socket {

    /** How many of the first bytes are kept for {@link #head()}: enough for the first line of a greeting. */
    static final int HEAD = 512;

    private Counting limited;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (limited == null) {
            limited = new Counting(super.getInputStream());
        }
        return limited;
    }

    /** The first bytes the server sent (at most {@value #HEAD} of them), as US-ASCII text. */
    synchronized String head() {
        return limited == null ? "" : limited.head();
    }

    /** Counts every byte read, keeps the first few, and refuses to read past the limit. */
    private static final class Counting extends FilterInputStream {
        private long count;
        private final byte[] head = new byte[HEAD];
        private int headLength;

        Counting(InputStream in) {
            super(in);
        }

        private synchronized void keep(byte[] b, int off, int n) {
            int k = Math.min(n, HEAD - headLength);
            if (k > 0) {
                System.arraycopy(b, off, head, headLength, k);
                headLength += k;
            }
        }

        private synchronized void keep(int b) {
            if (headLength < HEAD) {
                head[headLength++] = (byte) b;
            }
        }

        synchronized String head() {
            return new String(head, 0, headLength, StandardCharsets.US_ASCII);
        }

        private void check(long more) throws LimitExceededException {
            count += more;
            if (count > Limits.BYTES_PER_CONNECTION) {
                throw new LimitExceededException("the server sent more than " + Limits.BYTES_PER_CONNECTION
                        + " bytes on one connection");
            }
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = super.read();
            if (b >= 0) {
                check(1);
                keep(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check(0);
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
                keep(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            check(skipped);
            return skipped;
        }
    }
}

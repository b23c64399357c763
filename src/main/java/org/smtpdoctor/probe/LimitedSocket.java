package org.smtpdoctor.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * The probe's TCP socket: a plain socket whose input stream stops with a {@link LimitExceededException} once the
 * server has sent {@link Limits#BYTES_PER_CONNECTION} bytes. Everything read on the connection passes it: Angus's
 * reader, and a TLS layer made over this socket (implicit TLS or after STARTTLS), so memory stays bounded whatever a
 * server sends.
 */
final class LimitedSocket extends Socket {

    private InputStream limited;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (limited == null) {
            limited = new Counting(super.getInputStream());
        }
        return limited;
    }

    /** Counts every byte read and refuses to read past the limit. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
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
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check(0);
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
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

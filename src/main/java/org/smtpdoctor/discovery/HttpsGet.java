package org.smtpdoctor.discovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.smtpdoctor.probe.HostResolver;

/**
 * One small HTTPS GET for an autoconfig file, and nothing more: the name is resolved through the search's own
 * resolver (so {@code --dns} holds here too), the certificate is checked against the name (JDK trust store plus
 * the certificates the user chose to trust), the whole fetch has one deadline and the answer a size cap. HTTP/1.0,
 * so the server sends the body plainly and closes; redirects are not followed; never plain HTTP.
 */
final class HttpsGet {

    /** Larger than any real config file (ISPDB files are a few KiB). */
    static final int MAX_BYTES = 256 * 1024;

    private final HostResolver resolver;
    private final SSLContext tls;
    private final Duration timeout;

    HttpsGet(HostResolver resolver, List<X509Certificate> extraTrusted, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
        try {
            this.tls = context(extraTrusted);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS for autoconfig", e);
        }
    }

    /**
     * The body of a {@code 200} answer to {@code GET https://host:port/pathAndQuery}.
     *
     * @throws IOException with a short technical reason: no such name, refused, TLS or certificate failure, not
     *                     200, too large, out of time
     */
    byte[] get(String host, int port, String pathAndQuery) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new IOException("no address for " + host);
        }
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(addresses[0], port), remainingMs(deadline));
            raw.setSoTimeout(remainingMs(deadline));
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                p.setServerNames(List.of(new SNIHostName(host)));
                s.setSSLParameters(p);
                s.startHandshake();
                OutputStream out = s.getOutputStream();
                String hostHeader = port == 443 ? host : host + ":" + port;
                out.write(("GET " + pathAndQuery + " HTTP/1.0\r\nHost: " + hostHeader
                        + "\r\nUser-Agent: smtp-doctor\r\nAccept: application/xml, text/xml\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return body(readAll(s, deadline));
            }
        }
    }

    private static byte[] readAll(SSLSocket s, long deadline) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            s.setSoTimeout(remainingMs(deadline));
            int n = in.read(buffer);
            if (n < 0) {
                return all.toByteArray();
            }
            all.write(buffer, 0, n);
            if (all.size() > MAX_BYTES + 16 * 1024) {
                throw new IOException("answer larger than " + MAX_BYTES + " bytes");
            }
        }
    }

    private static byte[] body(byte[] response) throws IOException {
        String head = headOf(response);
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ");
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer");
        }
        if (!"200".equals(status[1])) {
            throw new IOException("HTTP " + status[1]);
        }
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("transfer-encoding:") && !l.contains("identity")) {
                throw new IOException("unsupported transfer encoding");
            }
        }
        int start = head.length() + 4;
        byte[] body = new byte[response.length - start];
        System.arraycopy(response, start, body, 0, body.length);
        if (body.length > MAX_BYTES) {
            throw new IOException("answer larger than " + MAX_BYTES + " bytes");
        }
        return body;
    }

    private static String headOf(byte[] response) throws IOException {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return new String(response, 0, i, StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("incomplete HTTP answer");
    }

    private static int remainingMs(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("out of time");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static SSLContext context(List<X509Certificate> extra) throws GeneralSecurityException, IOException {
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        managers.add(trustManager(null));
        if (!extra.isEmpty()) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < extra.size(); i++) {
                store.setCertificateEntry("trusted-" + i, extra.get(i));
            }
            managers.add(trustManager(store));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {managers.size() == 1 ? managers.get(0) : new AnyOf(managers)}, null);
        return context;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) m;
            }
        }
        throw new GeneralSecurityException("No X509 trust manager");
    }

    /** Trusts a server chain when any of its trust managers does (each checks the host name itself). */
    private static final class AnyOf extends X509ExtendedTrustManager {
        private final List<X509ExtendedTrustManager> managers;

        AnyOf(List<X509ExtendedTrustManager> managers) {
            this.managers = List.copyOf(managers);
        }

        private interface Check {
            void run(X509ExtendedTrustManager m) throws CertificateException;
        }

        private void any(Check check) throws CertificateException {
            CertificateException first = null;
            for (X509ExtendedTrustManager m : managers) {
                try {
                    check.run(m);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            any(m -> m.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}

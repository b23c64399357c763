package org.smtpdoctor.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The one TLS socket factory of a probe, for implicit TLS and for STARTTLS alike (Jakarta Mail takes it through
 * {@code mail.smtp.ssl.socketFactory}). It layers TLS over sockets the probe owns, with the probe's recording trust
 * manager, and reports every TLS socket it makes so that cancel() can close it.
 */
final class ProbeSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final RecordingTrustManager trustManager;
    private final Consumer<SSLSocket> onCreate;

    ProbeSocketFactory(String host, List<X509Certificate> extraTrusted, List<CertificatePin> pins,
            Consumer<SSLSocket> onCreate) throws GeneralSecurityException {
        this.trustManager = new RecordingTrustManager(host, extraTrusted, pins);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
        this.delegate = context.getSocketFactory();
        this.onCreate = onCreate;
    }

    RecordingTrustManager trustManager() {
        return trustManager;
    }

    private Socket created(Socket s) {
        if (s instanceof SSLSocket) {
            onCreate.accept((SSLSocket) s);
        }
        return s;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return created(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return created(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return created(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return created(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return created(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return created(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}

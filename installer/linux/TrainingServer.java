import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The build's training server for the command line's start-up archive (installer/linux/class-list.sh): a minimal
 * SMTP server on 127.0.0.1 that offers STARTTLS (with the key in a PKCS12 file), accepts any AUTH PLAIN and every
 * MAIL FROM / RCPT TO, so that {@code smtp-doctor probe} runs its whole dialogue once while its classes are
 * recorded. Not part of the app; runs with the build JDK's source launcher and serves until it is killed.
 *
 * <p>usage: {@code java TrainingServer.java KEYSTORE.p12 STOREPASS PORTFILE}
 */
public final class TrainingServer {

    private TrainingServer() {
    }

    public static void main(String[] args) throws Exception {
        char[] pass = args[1].toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            store.load(in, pass);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, pass);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Files.writeString(Path.of(args[2]), Integer.toString(server.getLocalPort()));
            while (true) {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(20_000);
                    serve(socket, tls);
                } catch (IOException e) {
                    // the client went away: wait for the next one
                }
            }
        }
    }

    private static void serve(Socket plain, SSLContext tls) throws IOException {
        Socket socket = plain;
        boolean secure = false;
        send(socket, "220 training.invalid ESMTP");
        BufferedReader in = reader(socket);
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
            switch (verb) {
                case "EHLO" -> send(socket, secure ? "250-training.invalid\r\n250-SIZE 10240000\r\n250 AUTH PLAIN LOGIN"
                        : "250-training.invalid\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN");
                case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> send(socket, "250 2.0.0 OK");
                case "STARTTLS" -> {
                    send(socket, "220 2.0.0 Ready to start TLS");
                    SSLSocket wrapped = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                            plain.getInetAddress().getHostAddress(), plain.getPort(), true);
                    wrapped.setUseClientMode(false);
                    wrapped.startHandshake();
                    socket = wrapped;
                    secure = true;
                    in = reader(socket);
                }
                case "AUTH" -> {
                    if (line.trim().split(" ").length < 3) {
                        send(socket, "334 ");
                        in.readLine();
                    }
                    send(socket, "235 2.7.0 Authentication successful");
                }
                case "QUIT" -> {
                    send(socket, "221 2.0.0 Bye");
                    return;
                }
                default -> send(socket, "502 5.5.2 Command not implemented");
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(Socket socket, String reply) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}

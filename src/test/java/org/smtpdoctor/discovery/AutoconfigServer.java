package org.smtpdoctor.discovery;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.smtpdoctor.testkit.ServerIdentity;

/**
 * A real HTTPS server on a loopback address serving autoconfig files by path, with a certificate of the caller's
 * choice (from the test CA, or a broken one). Records every request line it gets.
 */
final class AutoconfigServer implements AutoCloseable {

    private final HttpsServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    AutoconfigServer(String ip, ServerIdentity identity) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(ip), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(identity.serverSslContext()));
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    AutoconfigServer serve(String path, String xml) {
        files.put(path, xml);
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** A minimal config-v1.1 file with one outgoing server. */
    static String config(String host, int port, String socketType, String username, String... auth) {
        StringBuilder methods = new StringBuilder();
        for (String a : auth) {
            methods.append("      <authentication>").append(a).append("</authentication>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n"
                + "  <emailProvider id=\"acme.test\">\n    <domain>acme.test</domain>\n"
                + "    <displayName>Acme Mail</displayName>\n"
                + "    <incomingServer type=\"imap\"><hostname>imap.acme.test</hostname><port>993</port>"
                + "<socketType>SSL</socketType></incomingServer>\n"
                + "    <outgoingServer type=\"smtp\">\n      <hostname>" + host + "</hostname>\n      <port>" + port
                + "</port>\n      <socketType>" + socketType + "</socketType>\n" + methods
                + "      <username>" + username + "</username>\n    </outgoingServer>\n"
                + "  </emailProvider>\n</clientConfig>\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

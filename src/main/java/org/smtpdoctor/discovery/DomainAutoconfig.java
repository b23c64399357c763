package org.smtpdoctor.discovery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.smtpdoctor.providers.Provider;

/**
 * A domain's own autoconfig file, where mail programs look first (Thunderbird's order):
 * {@code https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address>}, then
 * {@code https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml}. Both are asked at once; the first that
 * holds a usable outgoing server wins. HTTPS only, with certificate checks (never plain HTTP: the name came from
 * DNS, and a file fetched in clear text could send the password anywhere).
 */
final class DomainAutoconfig {

    /** The whole fetch of one file: resolve, connect, handshake, answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final String ID_PREFIX = "autoconfig:";
    static final String TYPE = "AUTOCONFIG";
    private static final String PATH = "/mail/config-v1.1.xml";
    private static final String WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml";

    private final HttpsGet https;
    private final int port;

    /**
     * @param port the HTTPS port, 443; tests serve the files from a loopback port
     */
    DomainAutoconfig(HttpsGet https, int port) {
        this.https = https;
        this.port = port;
    }

    /** What the fetch found: the lookup for the result's list of questions, and the provider it describes. */
    record Found(DnsFinding finding, Optional<Provider> provider) {
    }

    Found fetch(String domain, String address, Executor executor) {
        if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            // not a host name: nothing to ask, and nothing odd goes into a request line
            return new Found(new DnsFinding(TYPE, domain, List.of(), "not a domain name: " + domain), Optional.empty());
        }
        String query = "?emailaddress=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        CompletableFuture<Found> own = CompletableFuture.supplyAsync(
                () -> fetchOne(domain, "autoconfig." + domain, PATH, query), executor);
        CompletableFuture<Found> wellKnown = CompletableFuture.supplyAsync(
                () -> fetchOne(domain, domain, WELL_KNOWN, ""), executor);
        // the fetch bounds connect and reads itself; this also bounds a system name lookup that hangs
        long limit = TIMEOUT.toMillis() + 500;
        Found first = own.completeOnTimeout(outOfTime("autoconfig." + domain, PATH), limit,
                TimeUnit.MILLISECONDS).join();
        if (first.provider().isPresent()) {
            wellKnown.cancel(true);
            return first;
        }
        Found second = wellKnown.completeOnTimeout(outOfTime(domain, WELL_KNOWN), limit,
                TimeUnit.MILLISECONDS).join();
        if (second.provider().isPresent()) {
            return second;
        }
        String error = first.finding().error() + "; " + second.finding().error();
        return new Found(new DnsFinding(TYPE, url("autoconfig." + domain, PATH), List.of(), error), Optional.empty());
    }

    private Found outOfTime(String host, String path) {
        String url = url(host, path);
        return new Found(new DnsFinding(TYPE, url, List.of(), url + ": no answer within " + TIMEOUT.toSeconds() + " s"),
                Optional.empty());
    }

    private Found fetchOne(String domain, String host, String path, String query) {
        String url = url(host, path);
        try {
            byte[] body = https.get(host, port, path + query);
            Optional<Provider> provider = AutoconfigXml.parse(body, ID_PREFIX + domain, url, domain);
            if (provider.isEmpty()) {
                return new Found(new DnsFinding(TYPE, url, List.of(), url + ": no usable outgoing server"),
                        Optional.empty());
            }
            List<String> servers = provider.get().servers().stream()
                    .map(s -> s.host() + ":" + s.port() + " " + s.security().label()).toList();
            return new Found(new DnsFinding(TYPE, url, servers, ""), provider);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage();
            return new Found(new DnsFinding(TYPE, url, List.of(), url + ": " + e.getClass().getSimpleName() + message),
                    Optional.empty());
        }
    }

    private String url(String host, String path) {
        return "https://" + host + (port == 443 ? "" : ":" + port) + path;
    }
}

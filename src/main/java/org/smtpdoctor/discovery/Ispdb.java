package org.smtpdoctor.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smtpdoctor.providers.Provider;

/**
 * The snapshot of Thunderbird's ISPDB shipped as a resource ({@code ispdb/}, MPL-2.0, refreshed by
 * {@code src/scripts/refresh-ispdb.sh}): the second place mail programs look for a domain's settings, after the
 * domain's own autoconfig file. Its domain lists also hold MX host suffixes (e.g. {@code mail.protection.outlook.com}),
 * so a custom domain hosted by a listed provider is recognised by its MX.
 *
 * <p>Only the small index ({@code index.txt}: domain, file) is read up front; a provider file is parsed when a
 * lookup needs it. Providers get the id {@code ispdb:<file name without .xml>}.
 */
public final class Ispdb {

    static final String ID_PREFIX = "ispdb:";
    private static final String DIR = "ispdb/";

    private final Map<String, String> fileByDomain;
    private final Map<String, Optional<Provider>> parsed = new ConcurrentHashMap<>();

    Ispdb(Map<String, String> fileByDomain) {
        this.fileByDomain = Map.copyOf(fileByDomain);
    }

    /** The snapshot shipped with the application. */
    public static Ispdb builtIn() {
        return Holder.BUILT_IN;
    }

    /** An empty database: no domain is known (tests, or a search that must not use the ISPDB). */
    public static Ispdb empty() {
        return new Ispdb(Map.of());
    }

    private static final class Holder {
        static final Ispdb BUILT_IN = load();
    }

    private static Ispdb load() {
        Map<String, String> index = new HashMap<>();
        try (InputStream in = Ispdb.class.getResourceAsStream(DIR + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DIR + "index.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split("\t");
                if (!line.startsWith("#") && parts.length == 2) {
                    index.putIfAbsent(parts[0].strip(), parts[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ISPDB index", e);
        }
        return new Ispdb(index);
    }

    /** How many domains (address domains and MX suffixes) the snapshot lists. */
    public int size() {
        return fileByDomain.size();
    }

    /** The provider serving addresses at {@code domain}, with its outgoing servers. */
    public Optional<Provider> forDomain(String domain) {
        String file = fileByDomain.get(domain.toLowerCase(Locale.ROOT).strip());
        return file == null ? Optional.empty() : provider(file, domain);
    }

    /**
     * The provider hosting a domain whose MX is {@code mxHost}: the MX host with its first label removed, then each
     * shorter suffix of at least two labels, looked up as a domain ({@code x.mail.protection.outlook.com} finds
     * {@code mail.protection.outlook.com}; {@code aspmx.l.google.com} finds {@code google.com}).
     *
     * @return the provider and the suffix that matched
     */
    public Optional<MxMatch> forMxHost(String mxHost, String addressDomain) {
        String h = mxHost.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        int dot = h.indexOf('.');
        while (dot > 0 && h.indexOf('.', dot + 1) > 0) {
            String suffix = h.substring(dot + 1);
            String file = fileByDomain.get(suffix);
            if (file != null) {
                Optional<Provider> p = provider(file, addressDomain);
                if (p.isPresent()) {
                    return Optional.of(new MxMatch(p.get(), suffix));
                }
            }
            dot = h.indexOf('.', dot + 1);
        }
        return Optional.empty();
    }

    /** An ISPDB provider found through an MX host, and the listed suffix that matched it. */
    public record MxMatch(Provider provider, String suffix) {
    }

    private Optional<Provider> provider(String file, String domain) {
        return parsed.computeIfAbsent(file + "|" + domain, k -> read(file, domain));
    }

    private static Optional<Provider> read(String file, String domain) {
        try (InputStream in = Ispdb.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                return Optional.empty();
            }
            String id = ID_PREFIX + file.replaceAll("\\.xml$", "");
            return AutoconfigXml.parse(in.readAllBytes(), id, "ISPDB " + file, domain);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

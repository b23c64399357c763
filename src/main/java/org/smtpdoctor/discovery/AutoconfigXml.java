package org.smtpdoctor.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.Security;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads Thunderbird's autoconfig format ({@code clientConfig} version 1.1: a domain's own
 * {@code config-v1.1.xml} and every ISPDB file) into a {@link Provider}: only the outgoing ({@code smtp}) servers,
 * their username form and authentication methods.
 *
 * <p>Why so guarded: a domain's file comes from whoever runs that web server, so the parser accepts no DOCTYPE, no
 * external entities or schemas, and no XInclude (XXE and entity expansion are the classic attacks on XML read from
 * the network); the size is capped by the caller.
 */
final class AutoconfigXml {

    static final String EMAIL_ADDRESS = "%EMAILADDRESS%";
    static final String EMAIL_LOCALPART = "%EMAILLOCALPART%";
    static final String OAUTH2 = "oauth2";

    private AutoconfigXml() {
    }

    /**
     * The provider a config file describes, with {@code id} and {@code source} as given; empty when the file is not
     * well-formed autoconfig XML or names no usable outgoing server.
     *
     * @param domainPlaceholder the address's domain, for files that write {@code %EMAILDOMAIN%} in a host name
     */
    static Optional<Provider> parse(byte[] xml, String id, String source, String domainPlaceholder) {
        try (InputStream in = new ByteArrayInputStream(xml)) {
            return parse(newBuilder().parse(in), id, source, domainPlaceholder);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }

    private static Optional<Provider> parse(Document doc, String id, String source, String domain) {
        Element root = doc.getDocumentElement();
        if (root == null || !"clientConfig".equals(root.getTagName())) {
            return Optional.empty();
        }
        Element provider = first(root, "emailProvider");
        if (provider == null) {
            return Optional.empty();
        }
        List<String> domains = new ArrayList<>();
        for (Element d : children(provider, "domain")) {
            String text = text(d).toLowerCase(Locale.ROOT);
            if (!text.isEmpty()) {
                domains.add(text);
            }
        }
        List<ServerPreset> servers = new ArrayList<>();
        boolean anyPassword = false;
        for (Element out : children(provider, "outgoingServer")) {
            if (!"smtp".equalsIgnoreCase(out.getAttribute("type"))) {
                continue;
            }
            Optional<ServerPreset> server = server(out, domain);
            if (server.isPresent()) {
                servers.add(server.get());
                anyPassword |= !server.get().authMechanisms().equals(List.of(OAUTH2));
            }
        }
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        Set<Requirement> requires = anyPassword ? Set.of() : EnumSet.of(Requirement.OAUTH_ONLY);
        String name = text(first(provider, "displayName"));
        Element doc1 = first(provider, "documentation");
        String help = doc1 == null ? "" : doc1.getAttribute("url").strip();
        return Optional.of(new Provider(id, name.isEmpty() ? id : name, domains, List.of(), servers, requires, "",
                help.startsWith("https://") ? help : "", source));
    }

    private static Optional<ServerPreset> server(Element out, String domain) {
        String host = text(first(out, "hostname")).replace("%EMAILDOMAIN%", domain).toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.contains("%") || !host.matches("[a-z0-9.\\-\\[\\]:]+")) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(text(first(out, "port")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        Security security = switch (text(first(out, "socketType")).toUpperCase(Locale.ROOT)) {
            case "SSL" -> Security.SSL_TLS;
            case "STARTTLS" -> Security.STARTTLS;
            case "PLAIN" -> Security.NONE;
            default -> null;
        };
        if (security == null) {
            return Optional.empty();
        }
        Set<String> auth = new LinkedHashSet<>();
        for (Element a : children(out, "authentication")) {
            String method = text(a).toLowerCase(Locale.ROOT);
            if (!method.isEmpty()) {
                auth.add(method);
            }
        }
        String username = text(first(out, "username"));
        ServerPreset.UsernameForm form = EMAIL_LOCALPART.equals(username)
                ? ServerPreset.UsernameForm.LOCALPART : ServerPreset.UsernameForm.EMAIL;
        return Optional.of(new ServerPreset(host, port, security, List.copyOf(auth), form));
    }

    private static Element first(Element parent, String tag) {
        List<Element> all = children(parent, tag);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element && tag.equals(((Element) n).getTagName())) {
                list.add((Element) n);
            }
        }
        return list;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }
}

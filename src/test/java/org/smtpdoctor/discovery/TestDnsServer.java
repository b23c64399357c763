package org.smtpdoctor.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server on a UDP loopback port, built from dnsjava's message classes: it answers A, SRV
 * and MX questions from records the test adds, says NXDOMAIN for names it does not know, and SERVFAIL for names
 * marked broken. It records every question.
 */
public final class TestDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<String, Boolean> broken = new ConcurrentHashMap<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TestDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public static TestDnsServer start() throws SocketException {
        return new TestDnsServer();
    }

    /** {@code 127.0.0.1:port}, as {@code --dns} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** A lookup asking this server, with a short timeout. */
    public DnsJavaLookup lookup() {
        return DnsJavaLookup.server(address(), Duration.ofSeconds(2));
    }

    /** Every question asked so far, as {@code TYPE name.} ({@code A smtp.example.test.}). */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    public TestDnsServer a(String host, String ip) throws IOException {
        return add(new ARecord(name(host), DClass.IN, 60, InetAddress.getByName(ip)));
    }

    public TestDnsServer srv(String name, int priority, int weight, int port, String target) throws TextParseException {
        return add(new SRVRecord(name(name), DClass.IN, 60, priority, weight, port, name(target)));
    }

    public TestDnsServer mx(String domain, int preference, String host) throws TextParseException {
        return add(new MXRecord(name(domain), DClass.IN, 60, preference, name(host)));
    }

    /** Every question about {@code name} gets SERVFAIL. */
    public TestDnsServer servfail(String name) {
        broken.put(key(name), true);
        return this;
    }

    private TestDnsServer add(Record record) {
        records.computeIfAbsent(key(record.getName().toString()), k -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    private static Name name(String text) throws TextParseException {
        return Name.fromString(text.endsWith(".") ? text : text + ".");
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        String name = key(question.getName().toString());
        questions.add(Type.string(question.getType()) + " " + name);
        if (broken.containsKey(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        List<Record> known = records.get(name);
        if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        known.stream().filter(r -> r.getType() == question.getType())
                .forEach(r -> response.addRecord(r, Section.ANSWER));
        return response;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        socket.close();
        thread.join(2000);
    }
}

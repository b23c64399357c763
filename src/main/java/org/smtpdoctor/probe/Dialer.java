package org.smtpdoctor.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.smtpdoctor.settings.AccountSettings;

/**
 * The probe's first two phases: looks the name up (bounded, on a helper thread, ended by cancel) and opens the TCP
 * connection, trying each address until one answers. What it learns (addresses, the open socket) goes to the
 * {@link ProbeContext}.
 */
final class Dialer {

    private final ProbeContext ctx;
    private final AccountSettings settings;
    private final ProbeOptions options;
    private final Connections connections;
    private final Recorder rec;
    private final HostResolver resolver;

    Dialer(ProbeContext ctx, Connections connections, HostResolver resolver) {
        this.ctx = ctx;
        this.settings = ctx.settings();
        this.options = ctx.options();
        this.connections = connections;
        this.rec = ctx.rec();
        this.resolver = resolver;
    }

    InetAddress[] resolve() throws IOException, ProbeStop {
        String host = settings.host();
        rec.enter(Phase.DNS, host);
        InetAddress[] all = HostNames.isIpLiteral(host) ? InetAddress.getAllByName(host) : lookUp(host);
        for (InetAddress a : all) {
            ctx.resolvedTo(a.getHostAddress());
        }
        rec.info(HostNames.isIpLiteral(host) ? "IP address given, no lookup needed"
                : "Resolved " + host + " to " + String.join(", ", ctx.resolved()));
        rec.note(String.join(", ", ctx.resolved()));
        return all;
    }

    /** The probe's resolver on a helper thread, so the wait is bounded and cancel() ends it. */
    private InetAddress[] lookUp(String host) throws IOException, ProbeStop {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                InetAddress[] found = resolver.resolve(host);
                if (found.length == 0) {
                    throw new UnknownHostException(host);
                }
                return found;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, connections.workers());
        try {
            CompletableFuture.anyOf(lookup, connections.cancelSignal())
                    .get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ctx.checkCancelled();
            return lookup.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                throw (UnknownHostException) e.getCause();
            }
            // the resolver could not answer (time-out, SERVFAIL, refused): that says nothing about the name
            throw new ProbeStop(FailureKind.DNS_UNAVAILABLE, Phase.DNS,
                    "the DNS could not answer: " + Causes.names(e.getCause()));
        } catch (TimeoutException e) {
            throw new ProbeStop(FailureKind.DNS_UNAVAILABLE, Phase.DNS,
                    "DNS lookup gave no answer within " + Smtp.seconds(options.connectTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeStop(FailureKind.CANCELLED, Phase.DNS, "interrupted");
        }
    }

    void connect(InetAddress[] addresses) throws IOException, ProbeStop {
        rec.enter(Phase.CONNECT, settings.endpoint());
        IOException first = null;
        Set<Class<?>> silentFamilies = new HashSet<>();
        for (InetAddress a : addresses) {
            if (silentFamilies.contains(a.getClass())) {
                continue; // a filtered port would cost the full timeout for every address of that family
            }
            // keep the name in the address: no reverse lookup later, and TLS checks the name the user typed
            InetSocketAddress target = new InetSocketAddress(
                    InetAddress.getByAddress(settings.host(), a.getAddress()), settings.port());
            if (first != null) {
                connections.arm(options.connectTimeout().plus(ProbeRun.GRACE)); // each address has its own wait
            }
            rec.info("Trying " + a.getHostAddress() + ":" + settings.port() + "...");
            Socket s = connections.register(new LimitedSocket());
            try {
                s.setTcpNoDelay(true);
                s.connect(target, Smtp.timeoutMs(options.connectTimeout()));
                ctx.connected(s, new PortSniffer(connections, target, settings.host(), options.connectTimeout()));
                rec.info("Connected to " + a.getHostAddress() + ":" + settings.port());
                rec.note(a.getHostAddress());
                return;
            } catch (IOException e) {
                connections.close(s);
                ctx.checkCancelled();
                rec.error("Connection to " + a.getHostAddress() + " failed: " + e.getClass().getSimpleName());
                first = first == null ? e : first;
                if (e instanceof SocketTimeoutException) {
                    // the other address family may still answer (broken IPv6 or IPv4 on one path), as mail
                    // programs find when they fall back; it gets one try
                    silentFamilies.add(a.getClass());
                }
            }
        }
        throw first;
    }
}

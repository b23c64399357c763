package org.smtpdoctor.discovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DomainAutoconfigTest {

    @Test
    void somethingThatIsNotAHostNameIsNeverFetched() {
        AtomicInteger lookups = new AtomicInteger();
        HttpsGet https = new HttpsGet(host -> {
            lookups.incrementAndGet();
            throw new java.net.UnknownHostException(host);
        }, List.of(), Duration.ofSeconds(1));
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            DomainAutoconfig.Found found = new DomainAutoconfig(https, 443)
                    .fetch("acme.test\r\nX-Injected: 1", "ann@acme.test", pool);

            assertTrue(found.provider().isEmpty());
            assertTrue(found.finding().failed());
            assertTrue(lookups.get() == 0, "a request was attempted for a malformed domain");
        } finally {
            pool.shutdownNow();
        }
    }
}

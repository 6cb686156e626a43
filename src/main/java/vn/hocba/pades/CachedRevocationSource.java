package vn.hocba.pades;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the revocation data of each certificate for a while, so that a batch of 35 transcripts
 * asks the CA's OCSP responder once per signer instead of once per document (and the long-term
 * step reuses what the check before signing fetched). An empty answer (service unreachable) is
 * not kept: the next document tries again.
 */
public final class CachedRevocationSource implements RevocationSource {

    private record Entry(RevocationData data, Instant until) {
    }

    private record Key(BigInteger serial, String issuer) {
    }

    private final RevocationSource source;
    private final Duration keepFor;
    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    public CachedRevocationSource(RevocationSource source, Duration keepFor, Clock clock) {
        this.source = source;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    @Override
    public RevocationData revocationData(X509Certificate certificate, X509Certificate issuer) {
        Key key = new Key(certificate.getSerialNumber(), certificate.getIssuerX500Principal().getName());
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.data();
        }
        RevocationData data = source.revocationData(certificate, issuer);
        if (!data.isEmpty()) {
            entries.put(key, new Entry(data, now.plus(keepFor)));
        }
        return data;
    }
}

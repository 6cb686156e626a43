package vn.hocba.signing.device;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;
import vn.hocba.pades.BatchSigner;
import vn.hocba.signing.registry.CertificateRegistry;
import vn.hocba.signing.registry.RegisteredCertificate;

/**
 * The batches being signed on people's devices, at most one open per person, and of the finished ones only each
 * person's latest (the page shows its outcome). {@link #run} checks the
 * certificate against the registry before anything is prepared, then runs the signing step in the
 * background with the session bound as that person's credential ({@link #bound()}), so that the
 * step's {@code SignerCredentials} lookup returns it instead of a server-side key.
 */
@Component
public class DeviceSessions {

    private static final Logger log = LoggerFactory.getLogger(DeviceSessions.class);
    private static final ThreadLocal<DeviceSession> BOUND = new ThreadLocal<>();

    private final Map<String, DeviceSession> sessions = new ConcurrentHashMap<>();
    /**
     * A thread per open session: each step blocks while it waits for the person's device (up to the time-out), and
     * with a fixed pool of two, two people who left their token's prompt unanswered kept every other person's batch
     * waiting, unstarted, for ten minutes. At most one session is open per person, so the threads are bounded.
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "device-signing");
        t.setDaemon(true);
        return t;
    });
    private final CertificateRegistry registry;
    private final Clock clock;
    private final Duration patience;

    DeviceSessions(CertificateRegistry registry, Clock clock,
            @Value("${hocba.own-keys.device-timeout:PT10M}") Duration patience) {
        this.registry = registry;
        this.clock = clock;
        this.patience = patience;
    }

    /** The session bound to the running signing step, if it signs on a device. */
    public static Optional<DeviceSession> bound() {
        return Optional.ofNullable(BOUND.get());
    }

    /**
     * Starts signing {@code step} with {@code certificate} (which must be registered for {@code username}
     * and valid) on the person's device; returns at once with the session the page follows.
     */
    public DeviceSession run(String username, String method, String kind, String classCode, X509Certificate certificate,
            Supplier<BatchSigner.Result> step) {
        RegisteredCertificate registered = registry.requireRegistered(username, certificate, clock.instant());
        DeviceSession session = new DeviceSession(UUID.randomUUID().toString(), username, method, kind, classCode,
                registered.chain(), registered.fingerprint(), patience);
        // One open session per person, checked and taken at once: two requests of one person sent together would
        // otherwise both pass the check, and each holds a thread while it waits for the device.
        synchronized (sessions) {
            current(username).ifPresent(open -> {
                throw Rejected.conflict("Bạn đang có một lượt ký chưa xong (" + open.view().kind() + ", lớp "
                        + open.view().classCode() + "); hãy hoàn tất hoặc hủy lượt đó trước.");
            });
            // A person's finished sessions go when they start the next one: kept for ever, a session that ends at once
            // (a step that is not theirs to take) let anyone with a registered certificate fill the memory by repeating it.
            sessions.values().removeIf(s -> s.username().equals(username) && !s.open());
            sessions.put(session.id(), session);
        }
        executor.submit(() -> {
            BOUND.set(session);
            try {
                BatchSigner.Result result = step.get();
                session.finished(result.signed().size(), result.alreadySigned().size());
            } catch (RuntimeException e) {
                log.info("Device signing {} of {} ended without signatures: {}", session.id(), username, e.getMessage());
                session.failed(e.getMessage());
            } finally {
                BOUND.remove();
            }
        });
        return session;
    }

    /** {@code username}'s session {@code id}; 404 for anyone else's. */
    public DeviceSession of(String username, String id) {
        DeviceSession session = sessions.get(id);
        if (session == null || !session.username().equals(username)) {
            throw Rejected.notFound("Không có lượt ký " + id + " của bạn.");
        }
        return session;
    }

    /** The person's open session (after a closed tab, the page resumes it). */
    public Optional<DeviceSession> current(String username) {
        return sessions.values().stream().filter(s -> s.username().equals(username) && s.open()).findFirst();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

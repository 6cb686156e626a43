package vn.hocba.documents;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.common.Rejected;

/**
 * Which node generates a class's documents, across every node on the database ({@code generation_lease}):
 * a node takes a class's lease before it runs a generation of it, renews it while it works (a heartbeat
 * every quarter of the lease) and gives it back when done. Another node is refused while the lease runs,
 * and takes the class over only once the lease has expired (its node died or hung), or at once when the
 * holder was a process on this machine that has ended (a restarted node); the node that lost it stops
 * before its next document ({@link #requireHeld}). Leases are taken and given back in
 * transactions of their own on {@link LeaseConnections connections of their own}, so the other nodes see them at
 * once and a job thread holding one of the application's connections never waits for a second; timed by the
 * database's clock.
 */
@Component
class GenerationLeases {

    private static final Logger log = LoggerFactory.getLogger(GenerationLeases.class);

    /** A lease taken: from nobody, or over from the node named (whose lease had expired). */
    record Taken(Optional<String> overFrom) {
    }

    /** The class's lease is no longer this node's: another node took the run over; not a failure of the run. */
    static final class Lost extends Rejected {
        Lost(long runId, String holder) {
            super(Reason.CONFLICT, "Lần tạo văn bản số " + runId + " không còn thuộc máy chủ này: quyền tạo văn bản "
                    + "của lớp đã hết hạn và máy chủ " + holder + " đã tiếp quản; máy chủ đó làm tiếp lần tạo này.");
        }
    }

    private final JdbcClient jdbc;
    private final JdbcClient leaseJdbc;
    private final TransactionTemplate own;
    private final Duration lease;
    private final String node;
    private final String host = machine();
    private final long pid = ProcessHandle.current().pid();
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "generation-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    GenerationLeases(JdbcClient jdbc, LeaseConnections connections,
            @Value("${hocba.documents.generation-lease:PT2M}") Duration lease,
            @Value("${hocba.node.name:}") String nodeName) {
        this.jdbc = jdbc;
        // Taken, renewed and given back on connections of their own: a job thread holds one of the application's
        // connections for its whole generation and must not wait for a second one (see LeaseConnections).
        this.leaseJdbc = connections.jdbc();
        this.own = connections.transactions();
        this.lease = lease;
        // Unique per process: a restarted node is a new node (on this machine it sees that its predecessor ended).
        this.node = (nodeName.isBlank() ? hostName() : nodeName) + "#"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        long period = Math.max(1000, lease.toMillis() / 4);
        heartbeat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** This node's name in the leases and in the runs' claims ({@code hocba.node.name} or the host, and a suffix). */
    String node() {
        return node;
    }

    /** Takes the class's lease; empty while another node's lease of the class runs. */
    Optional<Taken> take(long classId) {
        try {
            Optional<Taken> taken = own.execute(status -> {
                OffsetDateTime now = now();
                Optional<Holder> holder = leaseJdbc.sql("select node, host, pid, expires_at from generation_lease "
                        + "where class_id = ? for update").param(classId).query((rs, n) -> new Holder(rs.getString("node"),
                                rs.getString("host"), rs.getLong("pid"), rs.getObject("expires_at", OffsetDateTime.class)))
                        .optional();
                if (holder.isEmpty()) {
                    leaseJdbc.sql("insert into generation_lease (class_id, node, host, pid, claimed_at, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?)").params(classId, node, host, pid, at(now), at(now.plus(lease)))
                            .update();
                    return Optional.of(new Taken(Optional.empty()));
                }
                boolean mine = holder.get().node().equals(node);
                boolean expired = holder.get().expiresAt().isBefore(now);
                if (!mine && !expired && !endedHere(holder.get())) {
                    return Optional.<Taken>empty();
                }
                leaseJdbc.sql("update generation_lease set node = ?, host = ?, pid = ?, claimed_at = ?, expires_at = ? "
                        + "where class_id = ?").params(node, host, pid, at(now), at(now.plus(lease)), classId).update();
                if (!mine) {
                    log.warn("Class {}: taking over document generation from node {}, {}", classId, holder.get().node(),
                            expired ? "whose lease expired at " + holder.get().expiresAt()
                                    : "whose process " + holder.get().pid() + " on this machine has ended");
                }
                return Optional.of(new Taken(mine ? Optional.empty() : Optional.of(holder.get().node())));
            });
            taken.ifPresent(t -> held.add(classId));
            return taken;
        } catch (DataIntegrityViolationException e) {
            return Optional.empty(); // another node inserted the class's lease at the same moment
        }
    }

    /**
     * Refuses with {@link Lost} when the class's lease is no longer this node's. Called in the transaction that
     * issues a document, after the class's row lock: a node that takes over issues nothing before that commits.
     */
    void requireHeld(long classId, long runId) {
        Optional<String> holder = jdbc.sql("select node from generation_lease where class_id = ?").param(classId)
                .query(String.class).optional();
        if (!holder.map(node::equals).orElse(false)) {
            throw new Lost(runId, holder.orElse("khác"));
        }
    }

    /** Gives the class's lease back (if still this node's); never throws: an unreleased lease expires. */
    void release(long classId) {
        held.remove(classId);
        try {
            own.executeWithoutResult(status -> leaseJdbc.sql("delete from generation_lease where class_id = ? "
                    + "and node = ?").params(classId, node).update());
        } catch (RuntimeException e) {
            log.warn("Could not give back the document generation lease of class {} (it expires by itself): {}", classId,
                    e.toString());
        }
    }

    /** The heartbeat: extends every lease this node holds. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            int renewed = own.execute(status -> {
                OffsetDateTime now = now();
                return leaseJdbc.sql("update generation_lease set expires_at = ? where node = ?")
                        .params(at(now.plus(lease)), node).update();
            });
            if (renewed < held.size()) {
                log.warn("Node {} renewed {} of the {} document generation leases it holds; another node took over the "
                        + "rest", node, renewed, held.size());
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the document generation leases of node {}: {}", node, e.toString());
        }
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        for (Long classId : Set.copyOf(held)) {
            release(classId);
        }
    }

    /** The holder ran on this machine, in this process namespace, and its process is gone (a restarted node). */
    private boolean endedHere(Holder holder) {
        return host != null && host.equals(holder.host()) && holder.pid() != pid
                && !ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** This machine's name and process namespace (processes of one namespace see each other), if known. */
    String host() {
        return host;
    }

    private static String machine() {
        try {
            return hostName() + "/" + Files.readSymbolicLink(Path.of("/proc/self/ns/pid"));
        } catch (IOException | RuntimeException e) {
            return null; // not Linux: only the expiry frees a lease
        }
    }

    private OffsetDateTime now() {
        return leaseJdbc.sql("select current_timestamp").query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
    }

    private static Timestamp at(OffsetDateTime time) {
        return Timestamp.from(time.toInstant());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    private record Holder(String node, String host, long pid, OffsetDateTime expiresAt) {
    }
}

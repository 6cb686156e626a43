package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database lease that lets one node only run a class's generation (issue 19 item 4), on H2 with the real
 * migration: two "nodes" are two {@link GenerationLeases} on one database, as two JVMs would be.
 */
class GenerationLeasesTest {

    private JdbcDataSource database;
    private JdbcClient jdbc;
    private GenerationLeases nodeA;
    private GenerationLeases nodeB;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:leases-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V410__generation_lease.sql")).execute(database);
        jdbc = JdbcClient.create(database);
        nodeA = node("A");
        nodeB = node("B");
    }

    private GenerationLeases node(String name) {
        return new GenerationLeases(jdbc, new LeaseConnections(database), Duration.ofMinutes(2), name);
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        jdbc.sql("shutdown").update();
    }

    @Test
    void whileOneNodesLeaseRunsTheOtherIsRefusedAndAfterItExpiredTheOtherTakesTheClassOver() {
        GenerationLeases restartedA = node("A");
        assertThat(nodeA.node()).startsWith("A#").isNotEqualTo(restartedA.node());
        restartedA.close();
        assertThat(nodeA.take(7)).contains(new GenerationLeases.Taken(Optional.empty()));
        assertThat(nodeB.take(7)).isEmpty();
        nodeA.requireHeld(7, 1);
        assertThatThrownBy(() -> nodeB.requireHeld(7, 1)).isInstanceOf(GenerationLeases.Lost.class);
        assertThat(nodeB.take(8)).isPresent(); // another class is free

        // Node A stops renewing (it died or hangs): once its lease has expired, B takes the class over.
        jdbc.sql("update generation_lease set expires_at = current_timestamp - interval '1' second where class_id = 7")
                .update();
        assertThat(nodeB.take(7)).contains(new GenerationLeases.Taken(Optional.of(nodeA.node())));
        assertThat(holder(7)).isEqualTo(nodeB.node());
        // A, back, stops before its next document, and neither its heartbeat nor its release touches B's lease.
        assertThatThrownBy(() -> nodeA.requireHeld(7, 1)).isInstanceOf(GenerationLeases.Lost.class)
                .hasMessageContaining("Lần tạo văn bản số 1 không còn thuộc máy chủ này")
                .hasMessageContaining(nodeB.node() + " đã tiếp quản");
        OffsetDateTime before = expiry(7);
        nodeA.renew();
        nodeA.release(7);
        assertThat(holder(7)).isEqualTo(nodeB.node());
        assertThat(expiry(7)).isEqualTo(before);
        assertThat(nodeA.take(7)).isEmpty();

        nodeB.release(7);
        assertThat(nodeA.take(7)).contains(new GenerationLeases.Taken(Optional.empty()));
    }

    @Test
    void aLeaseOfAProcessOnThisMachineThatHasEndedIsTakenOverAtOnceOneOfARunningProcessIsNot() throws Exception {
        assertThat(nodeA.host()).as("host name and process namespace on Linux").isNotNull();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            plant(7, "restarted#1", nodeA.host(), ended.pid());
            plant(8, "elsewhere#1", "another-machine/pid:[1]", ended.pid());
            plant(9, "running#1", nodeA.host(), running.pid());
            plant(10, "same-jvm#1", nodeA.host(), ProcessHandle.current().pid());
            assertThat(nodeB.take(7)).contains(new GenerationLeases.Taken(Optional.of("restarted#1")));
            assertThat(nodeB.take(8)).as("another machine's process is not visible here: wait for the expiry").isEmpty();
            assertThat(nodeB.take(9)).isEmpty();
            assertThat(nodeB.take(10)).as("another node in this JVM").isEmpty();
        } finally {
            running.destroy();
        }
    }

    private void plant(long classId, String node, String host, long pid) {
        jdbc.sql("insert into generation_lease (class_id, node, host, pid, claimed_at, expires_at) values (?, ?, ?, ?, "
                + "current_timestamp, current_timestamp + interval '1' hour)").params(classId, node, host, pid).update();
    }

    @Test
    void theHeartbeatKeepsALongRunsLeaseFromExpiring() {
        assertThat(nodeA.take(7)).isPresent();
        jdbc.sql("update generation_lease set expires_at = current_timestamp + interval '1' second where class_id = 7")
                .update();
        nodeA.renew();
        assertThat(expiry(7)).isAfter(dbNow().plusSeconds(100));
        assertThat(nodeB.take(7)).isEmpty();
    }

    @Test
    void ofTwoNodesTakingTheSameClassesAtTheSameMomentEachClassGoesToOneNode() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (GenerationLeases node : List.of(nodeA, nodeB)) {
            taken.add(both.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                for (long classId = 1; classId <= 40; classId++) {
                    if (node.take(classId).isPresent()) {
                        mine.add(classId);
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> ofA = taken.get(0).get();
        List<Long> ofB = taken.get(1).get();
        both.shutdown();
        // One node may take every class before the other starts: what matters is that no class went to both.
        List<Long> ofBoth = new ArrayList<>(ofA);
        ofBoth.retainAll(ofB);
        assertThat(ofBoth).as("classes taken by both nodes").isEmpty();
        assertThat(ofA.size() + ofB.size()).isEqualTo(40);
        for (long classId = 1; classId <= 40; classId++) {
            assertThat(holder(classId)).isEqualTo(ofA.contains(classId) ? nodeA.node() : nodeB.node());
        }
    }

    @Test
    void aNodeShuttingDownGivesItsLeasesBack() {
        assertThat(nodeA.take(7)).isPresent();
        assertThat(nodeB.take(8)).isPresent();
        nodeA.close();
        assertThat(jdbc.sql("select class_id from generation_lease").query(Long.class).list()).containsExactly(8L);
        assertThat(nodeB.take(7)).isPresent();
    }

    /**
     * The pool concern: a process job generates inside its job's transaction (one of the application's connections
     * held for the whole run) and takes the class's lease in a transaction that must commit at once. With the
     * application's pool at 2 connections and 2 jobs generating, the pool is dry; the leases are taken, checked and
     * renewed all the same (on their own connections), where a second connection from the application's pool would
     * have waited for the pool's timeout and failed both generations.
     */
    @Test
    void twoJobsGeneratingAtOnceOnAPoolOfTwoConnectionsTakeAndRenewTheirLeases() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.getURL());
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        config.setPoolName("application");
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try (HikariDataSource application = new HikariDataSource(config)) {
            LeaseConnections connections = new LeaseConnections(application);
            GenerationLeases node = new GenerationLeases(JdbcClient.create(application), connections,
                    Duration.ofMinutes(2), "C");
            TransactionTemplate jobTransaction = new TransactionTemplate(new DataSourceTransactionManager(application));
            CyclicBarrier bothHoldTheirConnection = new CyclicBarrier(2);
            CountDownLatch bothTookTheirLease = new CountDownLatch(2);
            CountDownLatch renewed = new CountDownLatch(1);
            List<Future<Boolean>> generations = new ArrayList<>();
            for (long classId : List.of(7L, 8L)) {
                generations.add(jobs.submit(() -> jobTransaction.execute(status -> {
                    JdbcClient.create(application).sql("select count(*) from generation_lease").query(Long.class).single();
                    await(() -> bothHoldTheirConnection.await(10, TimeUnit.SECONDS));
                    boolean taken = node.take(classId).isPresent();
                    node.requireHeld(classId, classId); // as each document's transaction does
                    bothTookTheirLease.countDown();
                    await(() -> renewed.await(10, TimeUnit.SECONDS)); // a long run: the heartbeat comes meanwhile
                    node.requireHeld(classId, classId);
                    return taken;
                })));
            }
            assertThat(bothTookTheirLease.await(20, TimeUnit.SECONDS)).as("both leases taken while the pool is dry")
                    .isTrue();
            assertThat(application.getHikariPoolMXBean().getActiveConnections()).isEqualTo(2);
            jdbc.sql("update generation_lease set expires_at = current_timestamp + interval '1' second").update();
            node.renew();
            assertThat(expiry(7)).isAfter(dbNow().plusSeconds(100));
            assertThat(expiry(8)).isAfter(dbNow().plusSeconds(100));
            renewed.countDown();
            for (Future<Boolean> generation : generations) {
                assertThat(generation.get(20, TimeUnit.SECONDS)).isTrue();
            }
            node.release(7);
            node.release(8);
            assertThat(jdbc.sql("select count(*) from generation_lease").query(Long.class).single()).isZero();
            assertThat(connections.pool().getMaximumPoolSize()).isEqualTo(LeaseConnections.SIZE);
            node.close();
            connections.close();
        } finally {
            jobs.shutdownNow();
        }
    }

    private interface Waiting {
        Object run() throws Exception;
    }

    private static void await(Waiting waiting) {
        try {
            waiting.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String holder(long classId) {
        return jdbc.sql("select node from generation_lease where class_id = ?").param(classId).query(String.class).single();
    }

    private OffsetDateTime expiry(long classId) {
        return jdbc.sql("select expires_at from generation_lease where class_id = ?").param(classId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
    }

    private OffsetDateTime dbNow() {
        return jdbc.sql("select current_timestamp").query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single();
    }
}

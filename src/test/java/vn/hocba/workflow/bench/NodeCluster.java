package vn.hocba.workflow.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.storage.S3Server;
import vn.hocba.support.ChildApplication;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.support.ThreadCpu;

/**
 * N HocBa nodes as production runs them: each its own JVM (the real class path, {@link ChildApplication}),
 * its own port, data directory (caches only) and process engine with its job executor on, all on ONE
 * PostgreSQL database, ONE S3 bucket (S3Proxy in this JVM, the documents, signed revisions and packages)
 * and one development PKI. The school (demo data and complete marks) is prepared beforehand by an
 * in-process application that is closed before the nodes start. History level {@code full} so that
 * Camunda's job log names the node ({@code hostname_} = {@code ip$node<k>}) of every job execution.
 */
final class NodeCluster implements AutoCloseable {

    static final String BUCKET = "hocba-nodes";

    final List<ChildApplication> nodes = new ArrayList<>();
    final List<HttpApi> apis = new ArrayList<>();
    final JdbcClient jdbc;
    final String url;
    final S3Server s3;
    private final Path work;
    private final AtomicInteger next = new AtomicInteger();
    private final HikariDataSource dataSource;
    private ProcessEngine admin;

    private NodeCluster(String url, S3Server s3, Path work) {
        this.url = url;
        this.s3 = s3;
        this.work = work;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(pool);
        this.jdbc = JdbcClient.create(dataSource);
    }

    static NodeCluster start(int count, String database, String... size) throws Exception {
        Path work = Files.createTempDirectory("hocba-" + database);
        Path pki = work.resolve("pki");
        S3Server s3 = S3Server.start(false);
        s3.createBucket(BUCKET);
        List<String> shared = List.of("--hocba.storage.type=s3", "--hocba.storage.endpoint=" + s3.endpoint(),
                "--hocba.storage.bucket=" + BUCKET, "--hocba.signing.development-pki=" + pki,
                "--camunda.bpm.history-level=full", "--hocba.audit.checkpoints.schedule=-", "--spring.jmx.enabled=false");
        long prepared = System.nanoTime();
        String url;
        List<String> setup = new ArrayList<>(shared);
        setup.addAll(List.of(size));
        try (BenchSchool school = BenchSchool.start(database, setup.toArray(String[]::new))) {
            url = school.app.getEnvironment().getRequiredProperty("spring.datasource.url");
            school.completeMarks();
        }
        System.out.printf("  school prepared (demo data, complete marks) in %.0f s; starting %d node(s)%n",
                (System.nanoTime() - prepared) / 1e9, count);
        NodeCluster cluster = new NodeCluster(url, s3, work);
        ExecutorService starting = Executors.newFixedThreadPool(count);
        try {
            List<Future<ChildApplication>> started = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                int node = k;
                started.add(starting.submit(() -> node(node, url, work, shared)));
            }
            for (Future<ChildApplication> f : started) {
                cluster.nodes.add(f.get());
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        } finally {
            starting.shutdown();
        }
        cluster.nodes.forEach(n -> cluster.apis.add(new HttpApi(n.baseUrl())));
        return cluster;
    }

    private static ChildApplication node(int k, String url, Path work, List<String> shared) throws IOException {
        Path data = Files.createDirectories(work.resolve("node" + k));
        List<String> options = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=120000", "--hocba.data-dir=" + data,
                "--hocba.demo.enabled=false", "--camunda.bpm.process-engine-name=node" + k, "--hocba.node.name=node" + k,
                "--camunda.bpm.job-execution.enabled=true",
                // an idle executor polls every 0.5-2 s (Camunda's default backs off to 60 s): a job created on
                // one node is otherwise found by the other only after its back-off, hiding the second node
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
                "--logging.level.root=WARN"));
        options.addAll(shared);
        return ChildApplication.start(Path.of("target", "bench-logs", "node" + k + "-" + work.getFileName() + ".log"),
                Duration.ofMinutes(10), List.of("-Xmx1g"), options);
    }

    /** The next node's API, round robin: what a load balancer without affinity does with API requests. */
    HttpApi api() {
        return apis.get(Math.floorMod(next.getAndIncrement(), apis.size()));
    }

    /** Logs the person in on every node now (a token works on any node; this keeps the timed requests free of it). */
    void login(String user) {
        apis.forEach(a -> a.login(user));
    }

    /** CPU seconds of all nodes' JVMs so far. */
    double cpuSeconds() {
        return nodes.stream().mapToDouble(ChildApplication::cpuSeconds).sum();
    }

    /** CPU seconds of all nodes' live threads by kind so far ({@link ThreadCpu}). */
    Map<String, Double> cpuSecondsByThreadKind() {
        Map<String, Double> sum = new TreeMap<>();
        nodes.forEach(node -> ThreadCpu.addInto(sum, node.cpuSecondsByThreadKind()));
        return sum;
    }

    /** CPU seconds of each node's JVM so far, in node order. */
    double[] cpuSecondsPerNode() {
        return nodes.stream().mapToDouble(ChildApplication::cpuSeconds).toArray();
    }

    /**
     * Waits until the process instance has no job left that an executor still has to run (timers aside);
     * fails as soon as it has an incident.
     */
    void awaitJobs(String processInstanceId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            List<String> incidents = jdbc.sql("select incident_msg_ from act_ru_incident where proc_inst_id_ = ?")
                    .param(processInstanceId).query(String.class).list();
            if (!incidents.isEmpty()) {
                throw new IllegalStateException("incident in " + processInstanceId + ": " + incidents);
            }
            long pending = jdbc.sql("select count(*) from act_ru_job where process_instance_id_ = ? and type_ <> 'timer'")
                    .param(processInstanceId).query(Long.class).single();
            if (pending == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending + " jobs of " + processInstanceId + " not run within 30 minutes");
            }
            ChildApplication.pause(250);
        }
    }

    /**
     * A process engine in this JVM on the same database, job executor off: an administrator's tool to
     * delete running instances between benchmark rounds (no node exposes that); it executes no job.
     */
    ProcessEngine admin() {
        if (admin == null) {
            admin = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration().setJdbcUrl(url)
                    .setJdbcDriver("org.postgresql.Driver").setJdbcUsername("postgres").setJdbcPassword("postgres")
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                    .setJobExecutorActivate(false).setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                    .setProcessEngineName("bench-admin").buildProcessEngine();
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        nodes.forEach(ChildApplication::close);
        dataSource.close();
        try {
            s3.close();
        } catch (Exception e) {
            System.out.println("  S3 server did not close: " + e);
        }
        TemporaryDataDirectory.delete(work);
    }

}

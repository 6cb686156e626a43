package vn.hocba.workflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.ExportPackages;

/**
 * What must hold after a school's year on several nodes, read from the shared database and the
 * clerk's packages: no job executed twice (Camunda's job log, and the side effects each job leaves:
 * documents, signatures, audit entries, packages), every generation run completed by exactly one
 * job execution on one node, no incident. Each failed check is returned as a sentence; the owning
 * node of each ClassDocuments job is printed per class.
 */
final class NodeChecks {

    private final NodeCluster cluster;
    private final List<String> failures = new ArrayList<>();

    private NodeChecks(NodeCluster cluster) {
        this.cluster = cluster;
    }

    static List<String> check(NodeCluster cluster, List<NodeYearSteps> classes, Map<String, byte[]> packages) {
        NodeChecks checks = new NodeChecks(cluster);
        checks.each("jobs", checks::jobs);
        checks.each("documents", () -> checks.documents(classes));
        checks.each("claims", checks::claims);
        checks.each("signatures and audit", checks::signaturesAndAudit);
        checks.each("packages", () -> checks.packages(classes, packages));
        checks.each("owners", () -> checks.printOwners(classes));
        return checks.failures;
    }

    /** Runs one group of checks; one that cannot run (a query error) is a failure, and the others still run. */
    private void each(String group, Runnable checks) {
        try {
            checks.run();
        } catch (RuntimeException e) {
            failures.add("the " + group + " checks could not run: " + e);
        }
    }

    private void jobs() {
        zero("jobs that succeeded more than once (act_hi_job_log, state 2)",
                "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ "
                        + "having count(*) > 1) j");
        zero("incidents left", "select count(*) from act_ru_incident");
        zero("ClassDocuments jobs (generation, transcripts, seal, export) that ran successfully more or less than once "
                + "per class", "select count(*) from (select p.proc_inst_id_, a.act from act_hi_procinst p cross join "
                + "(values ('" + ClassDocumentsModel.TASK_GENERATE + "'), ('" + ClassDocumentsModel.TASK_GENERATE_TRANSCRIPTS
                + "'), ('" + ClassDocumentsModel.TASK_APPLY_SEAL + "'), ('" + ClassDocumentsModel.TASK_BUILD_EXPORT
                + "')) a(act) where p.proc_def_key_ = '" + ClassDocumentsModel.PROCESS + "' and (select count(*) from "
                + "act_hi_job_log l where l.process_instance_id_ = p.proc_inst_id_ and l.act_id_ = a.act "
                + "and l.job_state_ = 2) <> 1) x");
        zero("ClassDocuments instances not ended at " + ClassDocumentsModel.END_ARCHIVED,
                "select count(*) from act_hi_procinst where proc_def_key_ = '" + ClassDocumentsModel.PROCESS
                        + "' and (end_act_id_ is null or end_act_id_ <> '" + ClassDocumentsModel.END_ARCHIVED + "')");
        long failed = count("select count(*) from act_hi_job_log where job_state_ = 1");
        System.out.println("  job executions that failed and were retried: " + failed);
    }

    private void documents(List<NodeYearSteps> classes) {
        zero("documents issued in more than one version (no correction was made: every document is v1)",
                "select count(*) from issued_document where version <> 1");
        zero("documents whose version 1 is recorded more than once",
                "select count(*) from (select document_id from issued_document group by document_id having count(*) > 1) d");
        zero("generation runs not COMPLETED", "select count(*) from document_generation where status <> 'COMPLETED'");
        System.out.println("  generation runs (scope, kinds: runs over all classes): " + cluster.jdbc.sql(
                "select scope || ' ' || kinds || ': ' || count(*) from document_generation group by scope, kinds order by 1")
                .query(String.class).list());
        zero("issued documents that belong to no run or to a run of another class",
                "select count(*) from issued_document d left join document_generation g on g.id = d.generation_id "
                        + "where g.id is null or g.class_id <> d.class_id");
        if (count("select count(distinct class_id) from issued_document") != classes.size()) {
            failures.add("not every class has issued documents");
        }
    }

    /** Each generation run claimed once, by one node (document_generation_claim), and no lease left behind. */
    private void claims() {
        zero("generation runs claimed other than once (by more than one node, or resumed)", "select count(*) from "
                + "document_generation g where (select count(*) from document_generation_claim c where c.generation_id = "
                + "g.id) <> 1");
        zero("generation runs taken over from another node", "select count(*) from document_generation_claim "
                + "where taken_over_from is not null");
        zero("generation leases left after the runs", "select count(*) from generation_lease");
        System.out.println("  generation runs claimed per node: " + cluster.jdbc.sql("select n || ' ' || count(*) from "
                + "(select substr(node, 1, strpos(node, '#') - 1) n from document_generation_claim) c group by n order by n")
                .query(String.class).list());
    }

    private void signaturesAndAudit() {
        zero("documents without exactly one DOCUMENT_ISSUED audit entry", "select count(*) from issued_document d where "
                + "(select count(*) from audit_entry a where a.action = 'DOCUMENT_ISSUED' and a.target = 'document ' || d.id) <> 1");
        zero("DOCUMENT_ISSUED audit entries for no issued document", "select count(*) from audit_entry a where "
                + "a.action = 'DOCUMENT_ISSUED' and not exists (select 1 from issued_document d where 'document ' || d.id = a.target)");
        zero("signatures audited twice (same document, same signed file)", "select count(*) from (select target, new_value "
                + "from audit_entry where action = 'DOCUMENT_SIGNED' group by target, new_value having count(*) > 1) s");
        zero("person's signature rows without their DOCUMENT_SIGNED audit entry", "select count(*) from document_signature s "
                + "where s.stage in ('HOMEROOM_TEACHER', 'PRINCIPAL', 'SCHOOL_SEAL') and not exists (select 1 from "
                + "audit_entry a where a.action = 'DOCUMENT_SIGNED' and a.target = 'document ' || s.document_id "
                + "and a.new_value = s.sha256)");
        zero("transcripts without exactly the homeroom, principal, seal and LT/LTA signatures", "select count(*) from "
                + "issued_document d where d.kind = 'TRANSCRIPT' and (select count(*) from document_signature s where "
                + "s.document_id = d.id and s.stage in ('HOMEROOM_TEACHER', 'PRINCIPAL', 'SCHOOL_SEAL', 'LONG_TERM')) <> 4");
        System.out.println("  signature rows by stage: " + cluster.jdbc.sql("select stage || ' ' || count(*) from "
                + "document_signature group by stage order by stage").query(String.class).list());
    }

    private void packages(List<NodeYearSteps> classes, Map<String, byte[]> packages) {
        zero("classes with other than one export package", "select count(*) from school_class c where (select count(*) "
                + "from export_package p where p.class_id = c.id) <> 1");
        if (packages.size() != classes.size()) {
            failures.add(packages.size() + " packages downloaded for " + classes.size() + " classes");
        }
        packages.forEach((code, zip) -> {
            try {
                ExportPackages.assertManifestMatches(ExportPackages.unzip(zip));
            } catch (Throwable e) {
                failures.add("package of " + code + ": " + e.getMessage());
            }
        });
    }

    /** Which node ran each ClassDocuments job of each class (the job log's host name: ip$node<k>). */
    private void printOwners(List<NodeYearSteps> classes) {
        Map<String, List<String>> owners = new TreeMap<>();
        cluster.jdbc.sql("select p.business_key_, l.act_id_, l.hostname_ from act_hi_job_log l join act_hi_procinst p "
                + "on p.proc_inst_id_ = l.process_instance_id_ where l.job_state_ = 2 and p.proc_def_key_ = ? "
                + "order by l.timestamp_").param(ClassDocumentsModel.PROCESS).query((rs, n) -> {
                    String node = rs.getString(3);
                    owners.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(shortActivity(rs.getString(2)) + "@"
                            + node.substring(node.indexOf('$') + 1));
                    return null;
                }).list();
        Map<Long, String> codes = new TreeMap<>();
        classes.forEach(c -> codes.put(c.classId(), c.classCode()));
        codes.forEach((id, code) -> System.out.println("  " + code + ": " + owners.getOrDefault("class-documents-" + id,
                List.of("no job log"))));
        System.out.println("  successful job executions per node (all processes): " + cluster.jdbc.sql(
                "select substr(hostname_, strpos(hostname_, '$') + 1) || ' ' || count(*) from act_hi_job_log "
                        + "where job_state_ = 2 group by hostname_ order by 1").query(String.class).list());
    }

    private static String shortActivity(String activity) {
        return activity.replace("Task_", "").replace("Documents", "Docs");
    }

    private void zero(String what, String sql) {
        long n = count(sql);
        if (n != 0) {
            failures.add(what + ": " + n);
        }
    }

    private long count(String sql) {
        return cluster.jdbc.sql(sql).query(Long.class).single();
    }
}

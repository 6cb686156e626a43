package vn.hocba.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolId;

/**
 * The steps of HocBa's processes that the engine runs by itself and that failed (issue 18, item 3:
 * "retries and incidents visible to the admin"): every job that failed and waits for its next try or
 * has no try left (an incident), and any other open incident, for the admin board's page. A step is
 * named as users know it ({@link ProcessStepNames}), with its class and school year, the step's own
 * message (the domain's messages are Vietnamese), the tries left, the next try and when it started
 * failing. {@link #retryNow} lets the admin board run one failed step again at once, after the cause is
 * fixed; the step itself reads the domain records again when it runs, as every step does.
 */
@Service
public class ProcessFaults {

    /** One failing step; {@code jobId} is null for an incident the engine cannot retry by a job. */
    public record Fault(String jobId, String process, String step, Long classId, String classCode, String yearName,
            String message, int retriesLeft, Instant nextRetry, Instant failingSince, boolean incident) {
    }

    private static final String NO_MESSAGE = "Bước này không để lại thông báo lỗi; xem nhật ký của máy chủ.";

    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final SchoolDirectory directory;
    private final Corrections corrections;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessFaults(ManagementService management, RuntimeService runtime, RepositoryService repository,
            SchoolDirectory directory, Corrections corrections, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
        this.directory = directory;
        this.corrections = corrections;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The school's failing steps, the one failing longest first. */
    public List<Fault> open(SchoolId school) {
        List<Fault> faults = new ArrayList<>();
        Set<String> jobs = new HashSet<>();
        for (Job job : management.createJobQuery().withException().list()) {
            jobs.add(job.getId());
            try {
                faults.add(describe(job));
            } catch (ProcessEngineException e) {
                // its process ended since the query (the retried step succeeded): no longer a fault
            }
        }
        for (Incident incident : runtime.createIncidentQuery().list()) {
            boolean rootCause = incident.getId().equals(incident.getRootCauseIncidentId());
            if (rootCause && !jobs.contains(incident.getConfiguration())) {
                try {
                    faults.add(describe(incident));
                } catch (ProcessEngineException e) {
                    // resolved since the query
                }
            }
        }
        return faults.stream().filter(f -> inSchool(f, school))
                .sorted(Comparator.comparing(Fault::failingSince, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** How many steps of the school are failing (the admin board's menu shows it). */
    public int count(SchoolId school) {
        return open(school).size();
    }

    /**
     * Runs the failed step of {@code jobId} again as soon as the job executor takes it: a step with no try
     * left gets one (which resolves its incident, and only its), a step waiting for its next try is due now.
     * Audited in the name of the admin board member. Refused for a step of another school's class, or one
     * that no longer fails.
     */
    @Transactional
    public Fault retryNow(String jobId, SchoolId school, Actor by, String byName) {
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        Fault fault = job == null || job.getExceptionMessage() == null ? null : describe(job);
        if (fault == null || !inSchool(fault, school)) {
            throw Rejected.notFound("Không còn sự cố này: bước đã chạy xong hoặc đã được thử lại. Hãy tải lại trang.");
        }
        try {
            if (job.getRetries() == 0) {
                management.setJobRetries(jobId, 1);
            }
            management.setJobDuedate(jobId, Date.from(clock.instant()));
        } catch (OptimisticLockingException e) {
            throw Rejected.conflict("Bước «" + fault.step() + "» vừa được hệ thống chạy lại. Hãy tải lại trang để xem kết quả.");
        }
        String where = fault.classCode() == null ? "" : " của lớp " + fault.classCode() + " năm học " + fault.yearName();
        audit.append(new AuditRecord(by, "PROCESS_STEP_RETRIED", "process job " + jobId,
                "còn " + fault.retriesLeft() + " lần thử; lỗi: " + shortened(fault.message()), "thử lại ngay",
                byName + " (ban quản trị) cho thử lại ngay bước «" + fault.step() + "» (" + fault.process() + ")" + where,
                null));
        return fault;
    }

    private Fault describe(Job job) {
        String activity = job.getFailedActivityId() != null ? job.getFailedActivityId()
                : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
        SchoolClass schoolClass = classOf(job.getProcessInstanceId());
        Instant since = failingSince(job.getId());
        return fault(job.getId(), job.getProcessDefinitionId(), job.getProcessInstanceId(), activity, schoolClass,
                job.getExceptionMessage(), job.getRetries(), job.getRetries() > 0 ? instant(job.getDuedate()) : null,
                since != null ? since : instant(job.getCreateTime()), job.getRetries() == 0);
    }

    private Fault describe(Incident incident) {
        return fault(null, incident.getProcessDefinitionId(), incident.getProcessInstanceId(), incident.getActivityId(),
                classOf(incident.getProcessInstanceId()), incident.getIncidentMessage(), 0, null,
                instant(incident.getIncidentTimestamp()), true);
    }

    private Fault fault(String jobId, String definitionId, String instanceId, String activity, SchoolClass schoolClass,
            String message, int retries, Instant next, Instant since, boolean incident) {
        var definition = repository.getProcessDefinition(definitionId);
        Object term = instanceId == null ? null : runtime.getVariable(instanceId, TermCloseModel.TERM);
        boolean termClose = TermCloseModel.PROCESS.equals(definition.getKey()) && term instanceof Number;
        FlowElement element = repository.getBpmnModelInstance(definitionId).getModelElementById(activity);
        AcademicYear year = schoolClass == null ? null : directory.year(schoolClass.yearId());
        return new Fault(jobId, ProcessStepNames.process(definition.getKey(), termClose ? ((Number) term).intValue() : null),
                ProcessStepNames.step(activity, element == null ? null : element.getName()),
                schoolClass == null ? null : schoolClass.id().value(), schoolClass == null ? null : schoolClass.code(),
                year == null ? null : year.name(), message == null || message.isBlank() ? NO_MESSAGE : message, retries,
                next, since, incident);
    }

    /** The class a process instance is about: its {@code classId}, or the class of its correction request. */
    private SchoolClass classOf(String instanceId) {
        if (instanceId == null) {
            return null;
        }
        if (runtime.getVariable(instanceId, ClassDocumentsModel.CLASS_ID) instanceof Number id) {
            return directory.schoolClass(new ClassId(id.longValue()));
        }
        if (runtime.getVariable(instanceId, GradeCorrectionModel.CORRECTION_ID) instanceof Number id) {
            return directory.schoolClass(new ClassId(corrections.find(id.longValue()).classId()));
        }
        return null;
    }

    private boolean inSchool(Fault fault, SchoolId school) {
        return fault.classId() == null
                || directory.year(directory.schoolClass(new ClassId(fault.classId())).yearId()).schoolId().equals(school);
    }

    /**
     * When the job first failed: the engine writes the failure's stack trace once, at the first failure, and
     * only updates its bytes on later ones, so the row's creation time is the first failure (the engine's
     * Java API does not give it; its job log is kept at history level "full" only).
     */
    private Instant failingSince(String jobId) {
        return jdbc.sql("select b.CREATE_TIME_ from ACT_RU_JOB j join ACT_GE_BYTEARRAY b on b.ID_ = j.EXCEPTION_STACK_ID_ "
                + "where j.ID_ = ?").param(jobId).query(Timestamp.class).list().stream().filter(t -> t != null).map(Timestamp::toInstant)
                .findFirst().orElse(null);
    }

    private static String shortened(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

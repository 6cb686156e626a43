package vn.hocba.gradebook.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.gradebook.CellChange;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.workflow.bench.HttpApi;

/**
 * A benchmark teacher saving a column through {@code PUT /api/classes/{c}/subjects/{s}/terms/2/marks}
 * over real HTTP, logged in as the teacher assigned to that column (co-teachers of an integrated
 * subject each own their columns), so that the server checks the assignment as for a real teacher.
 */
final class HttpMarkEntry {

    private final HttpApi api;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<MarkEntryBenchmark.Job, String> teachers = new HashMap<>();
    private final List<TeachingAssignment> assignments;
    private final List<MarkEntryBenchmark.Job> jobs;

    HttpMarkEntry(ConfigurableApplicationContext app, List<MarkEntryBenchmark.Job> jobs) {
        this.api = new HttpApi(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
        SchoolDirectory directory = app.getBean(SchoolDirectory.class);
        this.assignments = directory.teachingAssignmentsOfYear(jobs.get(0).assignment().schoolClass().yearId());
        this.jobs = ownedJobs(jobs);
        this.jobs.forEach(job -> teachers.put(job, owner(job.assignment(), job.column()).orElseThrow().teacher().code().toLowerCase()));
        teachers.values().stream().distinct().forEach(api::login);
    }

    /**
     * The benchmark's jobs whose column a teacher owns; the others (extra columns 3–5 of subjects whose
     * co-teachers own columns 1 and 2 only) are replaced by column 5 of other subjects, to keep 200.
     */
    private List<MarkEntryBenchmark.Job> ownedJobs(List<MarkEntryBenchmark.Job> all) {
        List<MarkEntryBenchmark.Job> owned = new ArrayList<>(all.stream().filter(j -> owner(j.assignment(), j.column()).isPresent()).toList());
        Set<String> used = new HashSet<>();
        owned.forEach(j -> used.add(key(j.assignment(), j.column())));
        for (MarkEntryBenchmark.Job j : all) {
            int column = 5;
            if (owned.size() < all.size() && owner(j.assignment(), column).isPresent() && used.add(key(j.assignment(), column))) {
                owned.add(new MarkEntryBenchmark.Job(j.assignment(), column, j.by()));
            }
        }
        return owned;
    }

    List<MarkEntryBenchmark.Job> jobs() {
        return jobs;
    }

    private Optional<TeachingAssignment> owner(TeachingAssignment pair, int column) {
        return assignments.stream().filter(t -> t.schoolClass().id().equals(pair.schoolClass().id())
                && t.subject().id().equals(pair.subject().id()) && t.columns().contains(column)).findFirst();
    }

    private static String key(TeachingAssignment pair, int column) {
        return pair.schoolClass().code() + "/" + pair.subject().code() + "/" + column;
    }

    void save(MarkEntryBenchmark.Job job, List<CellChange> changes) {
        TeachingAssignment t = job.assignment();
        String path = "/api/classes/" + t.schoolClass().id().value() + "/subjects/" + t.subject().id().value() + "/terms/2/marks";
        Reply reply = api.put(teachers.get(job), path, body(changes));
        if (reply.status() != 200 || reply.body().path("changed").asInt() != changes.size()) {
            throw new IllegalStateException("PUT " + path + " as " + teachers.get(job) + " answered " + reply);
        }
    }

    private String body(List<CellChange> changes) {
        try {
            return json.writeValueAsString(Map.of("changes", changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

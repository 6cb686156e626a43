-- A class's results are stored in parts (vn.hocba.grading.json.ResultsParts): class_results.results
-- keeps the class part (learning, conduct, promotion, title, retests, what is missing, with their
-- explanations) and class_results_subject one part per subject (every student's HK1, HK2 and CN
-- result of that subject with their explanations). A saved column rewrites its subject's part and
-- the class part, about a sixth of the whole document.
create table class_results_subject (
    class_id bigint      not null references school_class (id),
    subject  varchar(20) not null,
    results  text        not null,
    primary key (class_id, subject)
);

-- The rows written so far hold whole documents; they are derived data, computed again on the
-- class's next change (and, until then, on every read).
delete from class_results;

-- As V23 for the class part: each subject's part of the results is rewritten by every save of that
-- subject's marks, so it is stored out of line but uncompressed (compression costs more CPU per save
-- than the few kilobytes it saves).
alter table class_results_subject alter column results set storage external;

package vn.hocba.workflow.bench;

/** The stages of a class's school year the benchmark times, in the order they run. */
enum Stage {
    TERM_CLOSE_1("term close I"),
    TERM_CLOSE_2("term close II"),
    YEAR_END("year end"),
    DOCUMENTS("document generation"),
    SUBJECT_SHEETS("subject sheets"),
    TRANSCRIPTS("sheets LT/LTA + transcripts"),
    HOMEROOM("homeroom signing"),
    PRINCIPAL("principal signing"),
    SEAL("seal"),
    LONG_TERM("LT/LTA"),
    EXPORT("export");

    final String label;

    Stage(String label) {
        this.label = label;
    }
}

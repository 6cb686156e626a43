package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Names from the BPMN models (deployed versions keep theirs) are shown with the pages' spelling "ký". */
class ProcessStepNamesTest {

    @Test
    void aModelsNameIsShownWithKy() {
        assertThat(ProcessStepNames.shown("GVBM sửa và kí lại môn bị trả")).isEqualTo("GVBM sửa và ký lại môn bị trả");
        String decomposed = ProcessStepNames.shown(Normalizer.normalize("Kí xác nhận", Normalizer.Form.NFD));
        assertThat(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).isEqualTo("Ký xác nhận");
        assertThat(ProcessStepNames.step("Task_SubjectRework", "GVBM sửa và kí lại môn bị trả"))
                .isEqualTo("GVBM sửa và ký lại môn bị trả");
    }

    @Test
    void kiOfATermAndWordsContainingKiStay() {
        assertThat(ProcessStepNames.shown("Chốt học kì II, kích thước")).isEqualTo("Chốt học kì II, kích thước");
    }
}

package vn.hocba.web.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.support.HeldTurn;

/**
 * Attack 28: anyone without an account may have a PDF checked; one upload is bounded (10 MB, PDFBox's
 * scratch memory), and so is how many are checked at once. With every turn taken, the page and the API
 * answer 503 with a Vietnamese "try again later" after the wait, without reading the file; before, every
 * request thread read its file and ran a validation at the same time.
 */
@SpringBootTest(properties = {"hocba.demo.enabled=false", "spring.datasource.url=jdbc:h2:mem:verification-turns;DB_CLOSE_DELAY=-1",
    "hocba.verification.parallel=1", "hocba.verification.wait=200ms"})
@AutoConfigureMockMvc
class VerificationTurnsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    VerificationTurns turns;

    @Test
    void withEveryTurnTakenAnUploadIsToldToComeBackLater() throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of("docs/samples/report-card.pdf"));
        try (HeldTurn held = HeldTurn.hold(work -> turns.take(() -> {
            work.run();
            return null;
        }))) {
            MockHttpServletResponse api = mvc.perform(post(SignatureVerificationApiController.PATH)
                    .contentType(MediaType.APPLICATION_PDF).content(pdf)).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(503);
            assertThat(api.getHeader("Retry-After")).isEqualTo("60");
            assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("Hãy thử lại sau ít phút");

            MockHttpServletResponse page = mvc.perform(multipart(FileVerificationController.PATH)
                    .file(new MockMultipartFile("file", "hoc-ba.pdf", "application/pdf", pdf)).with(csrf()))
                    .andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(503);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Hãy thử lại sau ít phút");
        }
        assertThat(mvc.perform(post(SignatureVerificationApiController.PATH).contentType(MediaType.APPLICATION_PDF).content(pdf))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}

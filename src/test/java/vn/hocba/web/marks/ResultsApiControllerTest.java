package vn.hocba.web.marks;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The results API in an MVC slice: the page layout's interceptors and resolvers (web.layout,
 * web.accounts) serve pages, need the whole application, and are left out of this slice.
 */
@WebMvcTest(controllers = ResultsApiController.class, excludeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
        type = org.springframework.context.annotation.FilterType.REGEX, pattern = "vn\\.hocba\\.web\\.(layout|accounts)\\..*"))
class ResultsApiControllerTest {

    private static String example;

    @Autowired
    private MockMvc mvc;


    @BeforeAll
    static void readExample() throws Exception {
        try (InputStream in = ResultsApiControllerTest.class.getResourceAsStream(
                "/formats/examples/class-gradebook.7A1.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @WithMockUser
    void aPostedClassGradebookGetsItsResults() throws Exception {
        mvc.perform(post("/api/results").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(example))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.format").value("hocba.class-results/1"))
                .andExpect(jsonPath("$.students[0].subjects.GDTC.HK1").value("CĐ"))
                .andExpect(jsonPath("$.students[0].subjects.NGU_VAN.CN").value(7.0))
                .andExpect(content().string(Matchers.containsString("\"CN\" : 7.0")))
                .andExpect(jsonPath("$.students[2].title").value("XUAT_SAC"));
    }

    @Test
    @WithMockUser
    void anInvalidGradebookIsRefusedWithEveryErrorListed() throws Exception {
        String invalid = example.replaceFirst("\"midterm\": 6.3", "\"midterm\": 63")
                .replaceFirst("\"code\": \"HS0002\"", "\"code\": \"HS0001\"");
        mvc.perform(post("/api/results").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(invalid))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Sổ điểm không hợp lệ"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0]").value(Matchers.startsWith(
                        "Học sinh HS0001 (Trần Khánh), môn Ngữ văn (NGU_VAN), HK1, ĐĐGgk: điểm 63")));
    }

    @Test
    @WithMockUser
    void malformedJsonNamesLineAndColumn() throws Exception {
        mvc.perform(post("/api/results").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\n  \"a\": }"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(Matchers.startsWith("JSON không hợp lệ ở dòng 2, cột 8")));
    }

    @Test
    @WithMockUser
    void anOlderCohortIsRefusedAsNotSupportedYet() throws Exception {
        String grade9In2023 = example.replace("\"2024-2025\"", "\"2023-2024\"").replace("\"grade\": 7", "\"grade\": 9");
        mvc.perform(post("/api/results").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(grade9In2023))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0]").value(Matchers.containsString("Chưa hỗ trợ")));
    }

    @Test
    void anonymousCallersAreNotServed() throws Exception {
        mvc.perform(post("/api/results").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(example))
                .andExpect(status().isUnauthorized());
    }
}

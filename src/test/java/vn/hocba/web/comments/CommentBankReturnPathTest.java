package vn.hocba.web.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Attack 28: the comment bank's forms go back to the page they came from ({@code back}). A line break in it
 * reached the Location header, which Tomcat refuses: a 500 with the header check's message instead of the page.
 */
class CommentBankReturnPathTest {

    @Test
    void aReturnPathWithAControlCharacterGoesHome() {
        assertThat(CommentBankController.local("/lop/1/mon/5/nhan-xet\r\nSet-Cookie: a=b")).isEqualTo("/");
        assertThat(CommentBankController.local("/\t/noi-khac.example")).isEqualTo("/");
    }

    @Test
    void onlyPathsOfThisSiteAreKept() {
        assertThat(CommentBankController.local("/lop/1/mon/5/nhan-xet/hoc-ki/1?a=b")).isEqualTo("/lop/1/mon/5/nhan-xet/hoc-ki/1?a=b");
        assertThat(CommentBankController.local("//noi-khac.example")).isEqualTo("/");
        assertThat(CommentBankController.local("/\\noi-khac.example")).isEqualTo("/");
        assertThat(CommentBankController.local("https://noi-khac.example")).isEqualTo("/");
        assertThat(CommentBankController.local(null)).isEqualTo("/");
    }
}

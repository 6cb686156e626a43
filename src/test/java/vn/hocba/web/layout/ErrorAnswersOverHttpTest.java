package vn.hocba.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hocba.audit.Actor;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.support.HttpUser;

/**
 * Attack 28, over real HTTP (Tomcat's error dispatch to Spring Boot's /error, which MockMvc does not do): a
 * page address asked by a client that does not want HTML gets the status and no exception text. With
 * {@code server.error.include-message: always} the answer carried the exception's message: Java types
 * ("Failed to convert value of type 'java.lang.String' to required type 'long'") and, from a failing query,
 * the SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hocba.demo.enabled=false", "spring.datasource.url=jdbc:h2:mem:error-answers;DB_CLOSE_DELAY=-1"})
class ErrorAnswersOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void aPageErrorAskedForAsJsonNamesNoJavaTypeOrException() {
        accounts.create("loi.trang", "dung-mat-khau", "Lỗi Trang", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        HttpUser clerk = new HttpUser(port).logIn("loi.trang", "dung-mat-khau");
        HttpResponse<String> reply = clerk.send(clerk.get("/lop/99999999999999999999/chu-nhiem").header("Accept", "application/json"));
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).doesNotContain("java.", "Failed to convert", "classId", "For input string");
    }
}

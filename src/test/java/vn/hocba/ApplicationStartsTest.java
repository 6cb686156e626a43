package vn.hocba;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest
@TestPropertySource(properties = "hocba.data-dir=target/test-data/default-profile")
class ApplicationStartsTest {

    @Autowired
    ApplicationContext context;

    @Test
    void applicationStartsOnTheDefaultProfile() {
        assertThat(context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName()).isNotNull();
    }
}

package vn.hocba.hocbaso;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The national store over HTTP, when {@code hocba.hocbaso.store.url} is set; the password is read
 * from the environment variable named by {@code hocba.hocbaso.store.password-env}, never from a file in git.
 */
@Configuration
class HocBaSoConfiguration {

    @Bean
    @ConditionalOnProperty("hocba.hocbaso.store.url")
    NationalStore httpNationalStore(@Value("${hocba.hocbaso.store.url}") URI url,
            @Value("${hocba.hocbaso.store.username}") String username,
            @Value("${hocba.hocbaso.store.password-env:HOCBA_HOCBASO_STORE_PASSWORD}") String passwordEnv) {
        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("hocba.hocbaso.store.password-env: biến môi trường " + passwordEnv
                    + " chưa có mật khẩu kết nối kho học bạ số.");
        }
        return new HttpNationalStore(url, username, password, Duration.ofSeconds(20));
    }
}

package vn.hocba.hocbaso;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The national store over HTTP, when {@code hocba.hocbaso.store.url} is set; the password is read
 * from the environment variable named by {@code hocba.hocbaso.store.password-env}, never from a file in git;
 * {@code timeout} (20 s) bounds the wait for an answer's headers and {@code max-answer-size} (4 MB) what is read of it.
 */
@Configuration
class HocBaSoConfiguration {

    @Bean
    @ConditionalOnProperty("hocba.hocbaso.store.url")
    NationalStore httpNationalStore(@Value("${hocba.hocbaso.store.url}") URI url,
            @Value("${hocba.hocbaso.store.username}") String username,
            @Value("${hocba.hocbaso.store.password-env:HOCBA_HOCBASO_STORE_PASSWORD}") String passwordEnv,
            @Value("${hocba.hocbaso.store.timeout:20s}") Duration timeout,
            @Value("${hocba.hocbaso.store.max-answer-size:4MB}") DataSize maxAnswer) {
        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("hocba.hocbaso.store.password-env: biến môi trường " + passwordEnv
                    + " chưa có mật khẩu kết nối kho học bạ số.");
        }
        if (timeout.isNegative() || timeout.isZero() || maxAnswer.toBytes() <= 0) {
            throw new IllegalStateException("hocba.hocbaso.store.timeout và hocba.hocbaso.store.max-answer-size phải dương"
                    + " (đang là " + timeout + ", " + maxAnswer + ").");
        }
        return new HttpNationalStore(url, username, password, timeout, maxAnswer.toBytes());
    }
}

package vn.hocba.web.accounts;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Temporary passwords are changed before any other page opens. */
@Configuration
class AccountPagesConfiguration implements WebMvcConfigurer {

    private final FirstLogin firstLogin;

    AccountPagesConfiguration(FirstLogin firstLogin) {
        this.firstLogin = firstLogin;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(firstLogin).excludePathPatterns("/api/**", PasswordPageController.PATH, "/login",
                "/logout", "/error", "/xac-minh/**", "/css/**", "/js/**", "/webjars/**", "/camunda/**", "/swagger-ui/**",
                "/v3/api-docs/**");
    }
}

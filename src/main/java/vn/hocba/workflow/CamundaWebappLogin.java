package vn.hocba.workflow;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Single sign-on for Camunda's Cockpit, when it is switched on ({@code hocba.camunda.cockpit.enabled}):
 * the person logged in to HocBa (Spring Security, which limits /camunda/** to the admin board and to
 * reading) is the Camunda user, so no second password exists.
 */
@Configuration
@ConditionalOnProperty(name = "hocba.camunda.cockpit.enabled", havingValue = "true")
class CamundaWebappLogin {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}

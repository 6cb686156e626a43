package vn.hocba.web.layout;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page frame on every page, the first-login redirect, and page errors as pages. */
@Configuration
class LayoutConfiguration implements WebMvcConfigurer {

    private final PageFrameInterceptor frame;

    LayoutConfiguration(PageFrameInterceptor frame) {
        this.frame = frame;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(frame).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**");
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new PageExceptionResolver());
    }
}

package vn.hocba.web.layout;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Rewrites only links to static files ({@code /css/}, {@code /js/}, {@code /webjars/}: the
 * version-less htmx webjar address becomes the versioned one) instead of every link a page prints.
 *
 * <p>Spring Boot's own {@link ResourceUrlEncodingFilter} (registered because the webjars locator is
 * on the classpath) asks the resource chain about every {@code @{…}} link, and for a page address
 * the {@code /**} static handler looks it up in four classpath locations, i.e. in each of the
 * ~400 jars, without caching the miss: on the 36-student mark-entry page that was about a fifth
 * of the server time (JFR, bench/README.md). This bean replaces Boot's (it backs off when a
 * filter of this type is registered).
 */
@Configuration
class StaticLinkEncoding {

    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/webjars/");

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinkEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new StaticOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Whether {@code url} (as a page prints it, with the context path) names a static file. */
    static boolean isStatic(String url, String contextPath) {
        String path = contextPath != null && !contextPath.isEmpty() && url.startsWith(contextPath)
                ? url.substring(contextPath.length()) : url;
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** The filter: static links through the resource chain, every other link left as it is. */
    static final class StaticOnly extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new HttpServletResponseWrapper(httpResponse) {
                @Override
                public String encodeURL(String url) {
                    if (isStatic(url, http.getContextPath())
                            && http.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                                    instanceof ResourceUrlProvider provider) {
                        String resolved = provider.getForRequestUrl(http, url);
                        return super.encodeURL(resolved != null ? resolved : url);
                    }
                    return super.encodeURL(url);
                }
            });
        }
    }
}

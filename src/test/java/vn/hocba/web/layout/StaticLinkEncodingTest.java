package vn.hocba.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/** Only links to static files go through the resource chain; a page's own links are printed as they are. */
class StaticLinkEncodingTest {

    @Test
    void staticFilesAreTheCssJsAndWebjarAddressesWithOrWithoutAContextPath() {
        assertThat(StaticLinkEncoding.isStatic("/css/hocba.css", "")).isTrue();
        assertThat(StaticLinkEncoding.isStatic("/webjars/htmx.org/dist/htmx.min.js", "")).isTrue();
        assertThat(StaticLinkEncoding.isStatic("/hocba/js/mark-entry.js", "/hocba")).isTrue();
        assertThat(StaticLinkEncoding.isStatic("/lop/3/mon/2/hoc-ki/1/diem", "")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/hocba/lop/3/diem-danh", "/hocba")).isFalse();
        assertThat(StaticLinkEncoding.isStatic("/cssx/a", "")).isFalse();
    }

    @Test
    void aPageLinkNeverReachesTheResourceChainAndAStaticOneDoes() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lop/3/diem");
        int[] asked = {0};
        ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
        handler.setResourceResolvers(List.of(new ResourceResolver() {
            @Override
            public Resource resolveResource(HttpServletRequest r, String path, List<? extends Resource> locations,
                    ResourceResolverChain chain) {
                return null;
            }

            @Override
            public String resolveUrlPath(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
                asked[0]++;
                return path.replace("/dist/", "/2.0.10/dist/");
            }
        }));
        ResourceUrlProvider provider = new ResourceUrlProvider();
        provider.setHandlerMap(Map.of("/**", handler));
        request.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
        String[] encoded = new String[2];
        new StaticLinkEncoding.StaticOnly().doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                var http = (jakarta.servlet.http.HttpServletResponse) res;
                encoded[0] = http.encodeURL("/lop/3/mon/2/hoc-ki/1/diem/hang");
                encoded[1] = http.encodeURL("/webjars/htmx.org/dist/htmx.min.js");
            }
        });
        assertThat(encoded[0]).isEqualTo("/lop/3/mon/2/hoc-ki/1/diem/hang");
        assertThat(encoded[1]).isEqualTo("/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(asked[0]).isEqualTo(1);
    }
}

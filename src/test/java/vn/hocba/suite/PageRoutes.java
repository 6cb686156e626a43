package vn.hocba.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every page of HocBa: the GET mappings of its {@code @Controller} classes (not REST controllers), with their required query parameters. */
final class PageRoutes {

    record Route(String pattern, List<String> requiredParams) {

        String key() {
            return "GET " + pattern;
        }
    }

    private PageRoutes() {
    }

    static List<Route> all(RequestMappingHandlerMapping mapping) {
        Map<String, Route> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Class<?> type = e.getValue().getBeanType();
            boolean page = type.getName().startsWith("vn.hocba.") && AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                    && !AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(e.getValue().getMethod(), ResponseBody.class);
            var methods = e.getKey().getMethodsCondition().getMethods();
            if (!page || !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                continue;
            }
            List<String> required = new ArrayList<>();
            for (MethodParameter p : e.getValue().getMethodParameters()) {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null && rp.required() && rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                        && !MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                    String name = rp.name().isEmpty() ? rp.value() : rp.name();
                    required.add(name.isEmpty() ? p.getParameterName() : name);
                }
            }
            for (String pattern : e.getKey().getPatternValues()) {
                routes.put(pattern, new Route(pattern, required));
            }
        }
        return List.copyOf(routes.values());
    }
}

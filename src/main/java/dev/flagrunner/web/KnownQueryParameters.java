package dev.flagrunner.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter that the operation does not take, as the body refuses an unknown field: a misspelt
 * filter ({@code ?studentid=}) would otherwise be ignored and answer with everything. The names an operation
 * takes are its {@code @RequestParam}s and the components of its {@code @ParameterObject} records, read once per
 * handler method. Only the service's own controllers are checked (Actuator and springdoc keep their own rules).
 */
@Configuration(proxyBeanMethods = false)
class KnownQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("dev.flagrunner")
                || request.getQueryString() == null) {
            return true;
        }
        Set<String> takes = known.computeIfAbsent(method.getMethod(), KnownQueryParameters::namesTakenBy);
        Set<String> unknown = new TreeSet<>();
        for (String name : QueryNames.of(request.getQueryString())) {
            if (!takes.contains(name)) {
                unknown.add(QueryNames.shown(name));
            }
        }
        if (unknown.isEmpty()) {
            return true;
        }
        String message = "is not a parameter of this operation ("
                + (takes.isEmpty() ? "it takes none" : "it takes " + String.join(", ", new TreeSet<>(takes))) + ")";
        throw new ApiProblem(
                ProblemType.VALIDATION,
                "parameter '" + String.join("', '", unknown) + "' " + message,
                Map.of(),
                unknown.stream().map(name -> new FieldError(name, message)).toList());
    }

    private static Set<String> namesTakenBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param != null) {
                names.add(
                        !param.name().isEmpty()
                                ? param.name()
                                : !param.value().isEmpty() ? param.value() : parameter.getName());
            } else if (parameter.isAnnotationPresent(ParameterObject.class)
                    && parameter.getType().isRecord()) {
                Arrays.stream(parameter.getType().getRecordComponents())
                        .map(RecordComponent::getName)
                        .forEach(names::add);
            }
        }
        return Set.copyOf(names);
    }
}

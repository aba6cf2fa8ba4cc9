package org.vendinghub.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a REST handler's {@code @PreAuthorize} before Spring MVC reads and validates the request, so that a caller
 * without the permission gets 403 and learns nothing from validation errors (without this, a viewer posting an
 * invalid body would get a 400 first). The same annotation is enforced again by method security when the handler
 * runs: this is an earlier answer, not a second set of rules. Expressions may use authorities only, not arguments.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).addPathPatterns("/api/**");
    }

    private static final class Check implements HandlerInterceptor {

        private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(PreAuthorize.class)) {
                Method target = method.getMethod();
                AuthorizationResult result = preAuthorize.authorize(SecurityContextHolder.getContext()::getAuthentication,
                        new SimpleMethodInvocation(method.getBean(), target, new Object[target.getParameterCount()]));
                if (result != null && !result.isGranted()) {
                    throw new AuthorizationDeniedException("Access Denied", result);
                }
            }
            return true;
        }
    }
}

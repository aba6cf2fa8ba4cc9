package org.vendinghub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a browser goes when it is not (or no longer) signed in, and back again afterwards. A page load is redirected to
 * the login page; an htmx request, which would follow a redirect silently and swap the login page into a fragment, gets
 * 401 with {@code HX-Redirect} so that htmx loads the login page whole. The login page says the session expired when
 * the browser still sent a session that no longer exists, and carries the console page the user was on as
 * {@code next}; after signing in the user lands there again. {@code next} is only ever a local /console path.
 */
public final class SignInRedirects {

    static final String LOGIN = "/login";
    private static final Pattern CONSOLE_PATH = Pattern.compile("/console(/[A-Za-z0-9._~/-]*)?(\\?[A-Za-z0-9._~=&%+,:-]*)?");
    private static final RedirectStrategy REDIRECT = new DefaultRedirectStrategy();

    private SignInRedirects() {
    }

    /** htmx marks its requests with HX-Request. */
    static RequestMatcher htmxRequest() {
        return new RequestHeaderRequestMatcher("HX-Request");
    }

    /** A browser asking for a page (as Spring Security's form login recognises one). */
    static RequestMatcher pageRequest() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new AndRequestMatcher(html, new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")));
    }

    static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            boolean htmx = request.getHeader("HX-Request") != null;
            boolean expired = htmx || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
            String target = LOGIN + query(expired ? "expired" : null, next(request, htmx));
            if (htmx) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setHeader("HX-Redirect", request.getContextPath() + target);
            } else {
                REDIRECT.sendRedirect(request, response, target);
            }
        };
    }

    /** After signing in: the page named by {@code next} if it is a console page, else as before (saved request or /console). */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication user)
                    throws IOException, jakarta.servlet.ServletException {
                String next = consolePath(request.getParameter("next"));
                if (next == null) {
                    super.onAuthenticationSuccess(request, response, user);
                    return;
                }
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, next);
            }
        };
        saved.setDefaultTargetUrl("/console");
        return saved;
    }

    /** A failed sign-in shows the login page again with the error, still knowing where the user wanted to go. */
    static SimpleUrlAuthenticationFailureHandler failureHandler() {
        return new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                    throws IOException {
                saveException(request, e);
                REDIRECT.sendRedirect(request, response, LOGIN + query("error", consolePath(request.getParameter("next"))));
            }
        };
    }

    /** The console page to come back to: the page shown (htmx), the page asked for (GET), or the page a form was on. */
    private static String next(HttpServletRequest request, boolean htmx) {
        if (htmx) {
            return consolePath(pathOf(request.getHeader("HX-Current-URL")));
        }
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            return consolePath(request.getRequestURI().substring(request.getContextPath().length()) + (query == null ? "" : "?" + query));
        }
        return consolePath(pathOf(request.getHeader("Referer")));
    }

    /** {@code value} when it is a path inside the console of this hub (never another host, never a script), else null. */
    public static String consolePath(String value) {
        return value != null && value.length() <= 500 && !value.contains("..") && CONSOLE_PATH.matcher(value).matches() ? value : null;
    }

    private static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String query(String flag, String next) {
        StringBuilder query = new StringBuilder();
        if (flag != null) {
            query.append('?').append(flag);
        }
        if (next != null) {
            query.append(query.isEmpty() ? '?' : '&').append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}

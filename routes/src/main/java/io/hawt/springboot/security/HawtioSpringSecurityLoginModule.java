package io.hawt.springboot.security;

import io.hawt.web.auth.AuthenticationConfiguration;
import io.hawt.web.auth.RolePrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.spi.LoginModule;
import java.lang.reflect.Constructor;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hawtio's Spring Boot support looks this login module up by name (its artifact does not resolve here). It runs
 * after Spring's SecurityContextLoginModule has put the signed-in user's Authentication into the JAAS subject, and
 * adds one Hawtio role principal per granted authority, so that {@code hawtio.roles} can name our permissions.
 */
public class HawtioSpringSecurityLoginModule implements LoginModule {

    private Subject subject;
    private Class<? extends Principal> rolePrincipalType = RolePrincipal.class;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        if (options.get(AuthenticationConfiguration.class.getName()) instanceof AuthenticationConfiguration config
                && config.getDefaultRolePrincipalClass() != null) {
            this.rolePrincipalType = config.getDefaultRolePrincipalClass();
        }
    }

    @Override
    public boolean login() {
        return true; // the user has signed in through Spring Security already
    }

    @Override
    public boolean commit() {
        List<Authentication> authentications = subject.getPrincipals().stream()
                .filter(Authentication.class::isInstance).map(Authentication.class::cast).toList();
        for (Authentication authentication : authentications) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                Principal role = rolePrincipal(authority.getAuthority());
                subject.getPrincipals().add(role);
                added.add(role);
            }
        }
        return true;
    }

    private Principal rolePrincipal(String authority) {
        try {
            Constructor<? extends Principal> constructor = rolePrincipalType.getConstructor(String.class);
            return constructor.newInstance(authority);
        } catch (ReflectiveOperationException e) {
            return new RolePrincipal(authority);
        }
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        return true;
    }
}

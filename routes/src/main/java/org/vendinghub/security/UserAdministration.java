package org.vendinghub.security;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vendinghub.audit.AuditLog;
import org.vendinghub.domain.ValidationException;
import org.vendinghub.ledger.NotFoundException;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Users, groups and permissions as the console changes them. Every change is audited with the acting user;
 * passwords pass the {@link PasswordPolicy} and are stored only as hashes.
 */
@Service
public class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UserAccountRepository users;
    private final UserGroupRepository groups;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, UserGroupRepository groups, PasswordEncoder encoder, PasswordPolicy policy,
                       AuditLog audit, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public record UserDetails(String username, String displayName, boolean enabled, Set<Long> groupIds, Long vendorGroupId) {
    }

    @Transactional(readOnly = true)
    public List<UserAccount> users() {
        return users.findAll(Sort.by("username"));
    }

    @Transactional(readOnly = true)
    public UserAccount user(long id) {
        return users.findById(id).orElseThrow(() -> NotFoundException.of("user", id));
    }

    @Transactional(readOnly = true)
    public List<UserGroup> groups() {
        return groups.findAll(Sort.by("name"));
    }

    @Transactional(readOnly = true)
    public UserGroup group(long id) {
        return groups.findById(id).orElseThrow(() -> NotFoundException.of("group", id));
    }

    /** The vendor group a signed-in user is confined to, or null when the user sees all vendors. */
    @Transactional(readOnly = true)
    public Long vendorGroupOf(String username) {
        return users.findByUsername(username).map(UserAccount::vendorGroupId).orElse(null);
    }

    @Transactional
    public UserAccount createUser(UserDetails details, String password, String actor) {
        String username = details.username() == null ? "" : details.username().trim();
        ValidationException.require(USERNAME.matcher(username).matches(), "username",
                "2 to 64 characters: lower-case letters, digits, dot, dash or underscore");
        ValidationException.require(users.findByUsername(username).isEmpty(), "username", "is already taken");
        String displayName = displayName(details.displayName());
        checkPassword(username, password, "password");
        UserAccount user = new UserAccount(username, displayName, encoder.encode(password), clock.instant());
        user.describe(displayName, details.enabled(), details.vendorGroupId());
        user.replaceGroups(groupsOf(details.groupIds()));
        users.save(user);
        audit.record(actor, "USER_CREATED", username, "groups " + groupNames(user) + vendorScope(user));
        return user;
    }

    @Transactional
    public UserAccount updateUser(long id, UserDetails details, String actor) {
        UserAccount user = user(id);
        String before = groupNames(user) + (user.enabled() ? "" : ", disabled") + vendorScope(user);
        ValidationException.require(!(user.username().equals(actor) && !details.enabled()), "enabled", "you cannot disable yourself");
        user.describe(displayName(details.displayName()), details.enabled(), details.vendorGroupId());
        user.replaceGroups(groupsOf(details.groupIds()));
        String after = groupNames(user) + (user.enabled() ? "" : ", disabled") + vendorScope(user);
        audit.record(actor, before.equals(after) ? "USER_UPDATED" : "USER_PERMISSIONS_CHANGED", user.username(),
                "groups " + before + " -> " + after);
        return user;
    }

    @Transactional
    public void resetPassword(long id, String password, String actor) {
        UserAccount user = user(id);
        checkPassword(user.username(), password, "password");
        user.changePassword(encoder.encode(password), clock.instant());
        user.unlock();
        audit.record(actor, "PASSWORD_RESET", user.username(), "by an administrator");
    }

    @Transactional
    public void changeOwnPassword(String username, String current, String password) {
        UserAccount user = users.findByUsername(username).orElseThrow(() -> NotFoundException.of("user", username));
        ValidationException.require(current != null && encoder.matches(current, user.passwordHash()), "current", "is not your current password");
        checkPassword(username, password, "password");
        ValidationException.require(!encoder.matches(password, user.passwordHash()), "password", "must differ from the current password");
        user.changePassword(encoder.encode(password), clock.instant());
        audit.record(username, "PASSWORD_CHANGED", username, "own password");
    }

    @Transactional
    public void unlock(long id, String actor) {
        UserAccount user = user(id);
        user.unlock();
        audit.record(actor, "USER_UNLOCKED", user.username(), "unlocked by an administrator");
    }

    @Transactional
    public UserGroup createGroup(String name, String description, Set<Permission> permissions, String actor) {
        String groupName = name == null ? "" : name.trim();
        ValidationException.require(GROUP_NAME.matcher(groupName).matches(), "name",
                "2 to 64 characters: lower-case letters, digits, dot, dash or underscore");
        ValidationException.require(groups.findByName(groupName).isEmpty(), "name", "is already taken");
        UserGroup group = groups.save(new UserGroup(groupName, description(description), false, permissions));
        audit.record(actor, "GROUP_CREATED", groupName, "permissions " + new TreeSet<>(permissions));
        return group;
    }

    /** Built-in groups keep their permissions: the hub restores them at every start, so editing them would not last. */
    @Transactional
    public UserGroup updateGroup(long id, String description, Set<Permission> permissions, String actor) {
        UserGroup group = group(id);
        ValidationException.require(!group.builtIn(), "permissions", "built-in groups keep their permissions; make a new group instead");
        Set<Permission> before = new TreeSet<>(group.permissions());
        group.describe(description(description));
        group.replacePermissions(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
        audit.record(actor, "GROUP_PERMISSIONS_CHANGED", group.name(), before + " -> " + new TreeSet<>(group.permissions()));
        return group;
    }

    private void checkPassword(String username, String password, String field) {
        policy.violation(username, password).ifPresent(message -> {
            throw new ValidationException(field, message);
        });
    }

    private Set<UserGroup> groupsOf(Set<Long> ids) {
        Set<UserGroup> found = new HashSet<>();
        for (Long id : ids == null ? Set.<Long>of() : ids) {
            found.add(groups.findById(id).orElseThrow(() -> new ValidationException("groups", "no group " + id)));
        }
        return found;
    }

    private static String displayName(String value) {
        String name = value == null ? "" : value.trim();
        ValidationException.require(!name.isEmpty() && name.length() <= 120, "displayName", "is required (at most 120 characters)");
        return name;
    }

    private static String description(String value) {
        String text = value == null ? "" : value.trim();
        ValidationException.require(text.length() <= 255, "description", "at most 255 characters");
        return text;
    }

    private static String groupNames(UserAccount user) {
        return user.groups().stream().map(UserGroup::name).sorted().toList().toString();
    }

    private static String vendorScope(UserAccount user) {
        return user.vendorGroupId() == null ? "" : ", vendor group " + user.vendorGroupId();
    }
}

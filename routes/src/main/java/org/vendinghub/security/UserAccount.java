package org.vendinghub.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A person (or API client) who signs in. The password is only ever held as a hash. */
@Entity
@Table(name = "hub_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "vendor_group_id")
    private Long vendorGroupId;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "hub_user_group", joinColumns = @JoinColumn(name = "user_id"), inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<UserGroup> groups = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean locked(Instant now) {
        return lockedAt(now);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The vendor group this user is confined to, or null for a user who sees every vendor. */
    public Long vendorGroupId() {
        return vendorGroupId;
    }

    void describe(String newDisplayName, boolean newEnabled, Long newVendorGroupId) {
        this.displayName = newDisplayName;
        this.enabled = newEnabled;
        this.vendorGroupId = newVendorGroupId;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    void unlock() {
        this.lockedUntil = null;
        this.failedLogins = 0;
    }

    void replaceGroups(Set<UserGroup> newGroups) {
        groups.clear();
        groups.addAll(newGroups);
    }

    public Set<UserGroup> groups() {
        return Set.copyOf(groups);
    }

    public void join(UserGroup group) {
        groups.add(group);
    }

    public Set<Permission> permissions() {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        groups.forEach(g -> all.addAll(g.permissions()));
        return all;
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + "]"; // never the hash
    }
}

-- Users, groups and permissions of the console and the APIs; the audit trail of who did what.
CREATE TABLE hub_user (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    display_name        VARCHAR(120) NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        TIMESTAMP(6) NULL,
    password_changed_at TIMESTAMP(6) NOT NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_hub_user_username UNIQUE (username)
) ENGINE = InnoDB;

CREATE TABLE hub_group (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255) NOT NULL,
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_hub_group_name UNIQUE (name)
) ENGINE = InnoDB;

CREATE TABLE hub_group_permission (
    group_id   BIGINT      NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_id, permission),
    CONSTRAINT fk_group_permission_group FOREIGN KEY (group_id) REFERENCES hub_group (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE hub_user_group (
    user_id  BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, group_id),
    CONSTRAINT fk_user_group_user FOREIGN KEY (user_id) REFERENCES hub_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_group_group FOREIGN KEY (group_id) REFERENCES hub_group (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE audit_event (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    at         TIMESTAMP(6) NOT NULL,
    actor      VARCHAR(64)  NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    subject    VARCHAR(200) NOT NULL,
    detail     VARCHAR(1000) NOT NULL,
    INDEX ix_audit_event_at (at),
    INDEX ix_audit_event_actor (actor, at)
) ENGINE = InnoDB;

-- One row per hub node: when it started and when it last beat (the housekeeping route).
CREATE TABLE hub_node (
    node_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP(6) NOT NULL,
    last_beat_at TIMESTAMP(6) NOT NULL,
    beats        BIGINT       NOT NULL DEFAULT 0
) ENGINE = InnoDB;

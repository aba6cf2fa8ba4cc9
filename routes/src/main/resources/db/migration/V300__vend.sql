-- Vends: one row per accepted request, created at the channel edge before anything else happens, and the tokens
-- each vend issued. The unique (meter_id, tid) lets the database itself prove that no TID is used twice per meter.
CREATE TABLE vend (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    seq              BIGINT       NOT NULL AUTO_INCREMENT UNIQUE,   -- receipt numbers
    channel          VARCHAR(32)  NOT NULL,
    channel_ref      VARCHAR(128) NOT NULL,
    payload_hash     CHAR(64)     NOT NULL,
    meter_number     VARCHAR(13)  NOT NULL,
    meter_id         BIGINT       NULL,
    purpose          VARCHAR(16)  NOT NULL,                          -- CREDIT or ENGINEERING
    request_json     TEXT         NOT NULL,                          -- the canonical request, replayable after a crash
    status           VARCHAR(16)  NOT NULL,
    amount_minor     BIGINT       NULL,
    currency         CHAR(3)      NULL,
    units_requested  BIGINT       NULL,
    units_tenths     BIGINT       NULL,                              -- what the credit token carries
    breakdown_json   TEXT         NULL,
    failure_code     VARCHAR(40)  NULL,
    failure_message  VARCHAR(500) NULL,
    delivery_status  VARCHAR(16)  NOT NULL,
    delivery_attempts INT         NOT NULL DEFAULT 0,
    delivery_detail  VARCHAR(500) NULL,
    refund_status    VARCHAR(16)  NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    issued_at        DATETIME(6)  NULL,
    CONSTRAINT uq_vend_channel_ref UNIQUE (channel, channel_ref),
    INDEX ix_vend_meter (meter_number, created_at),
    INDEX ix_vend_status (status, updated_at),
    INDEX ix_vend_delivery (delivery_status, updated_at),
    INDEX ix_vend_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE vend_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    vend_id     CHAR(36)     NOT NULL,
    seq         INT          NOT NULL,
    meter_id    BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,                               -- CREDIT, KEY_CHANGE, ENGINEERING
    description VARCHAR(100) NOT NULL,
    token       CHAR(20)     NOT NULL,
    token_class INT          NOT NULL,
    subclass    INT          NOT NULL,
    tid         BIGINT       NULL,                                   -- key-change tokens carry none
    value       BIGINT       NOT NULL,
    test_token  BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_vend_token_seq UNIQUE (vend_id, seq),
    CONSTRAINT uq_vend_token_meter_tid UNIQUE (meter_id, tid),
    CONSTRAINT fk_vend_token_vend FOREIGN KEY (vend_id) REFERENCES vend (id),
    INDEX ix_vend_token_meter (meter_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

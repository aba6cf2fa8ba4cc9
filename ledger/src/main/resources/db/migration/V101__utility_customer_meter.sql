-- The utility, its STS supply groups, customers and meters. No key material anywhere: a supply group names
-- the vending key held by the token engine's security module (vending_key_id) and may keep its check value.

CREATE TABLE utility (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100) NOT NULL,
    currency      CHAR(3)      NOT NULL,
    tax_rate_bp   INT          NOT NULL,  -- VAT in basis points: 1500 = 15 %
    address       VARCHAR(300) NULL,
    tax_reference VARCHAR(40)  NULL,      -- VAT registration number printed on receipts
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_utility_name (name),
    CONSTRAINT ck_utility_tax CHECK (tax_rate_bp BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE supply_group (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    utility_id      BIGINT       NOT NULL,
    name            VARCHAR(100) NOT NULL,
    sgc             CHAR(6)      NOT NULL,
    krn             INT          NOT NULL,
    key_type        INT          NOT NULL,
    base_date       INT          NOT NULL,
    dkga            CHAR(2)      NOT NULL,
    ea              CHAR(2)      NOT NULL,
    vending_key_id  VARCHAR(64)  NOT NULL,  -- label of the key in the security module, never the key
    key_check_value VARCHAR(16)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_supply_group_sgc_krn (sgc, krn),
    CONSTRAINT fk_supply_group_utility FOREIGN KEY (utility_id) REFERENCES utility (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE customer (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    utility_id     BIGINT       NOT NULL,
    account_number VARCHAR(32)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    phone          VARCHAR(16)  NULL,
    email          VARCHAR(254) NULL,
    address        VARCHAR(300) NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_customer_account_number (utility_id, account_number),
    KEY ix_customer_name (name),
    CONSTRAINT fk_customer_utility FOREIGN KEY (utility_id) REFERENCES utility (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE meter (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    utility_id      BIGINT       NOT NULL,
    meter_number    VARCHAR(13)  NOT NULL,
    iin             VARCHAR(6)   NOT NULL,
    supply_group_id BIGINT       NOT NULL,
    sgc             CHAR(6)      NOT NULL,
    ti              CHAR(2)      NOT NULL,
    krn             INT          NOT NULL,
    key_type        INT          NOT NULL,
    base_date       INT          NOT NULL,
    dkga            CHAR(2)      NOT NULL,
    ea              CHAR(2)      NOT NULL,
    last_tid        BIGINT       NOT NULL DEFAULT 0,  -- minutes since base date of the last token issued
    status          VARCHAR(16)  NOT NULL,            -- ACTIVE, BLOCKED
    blocked_reason  VARCHAR(200) NULL,
    kind            VARCHAR(8)   NOT NULL,            -- THICK (STS keypad), THIN (smart, wallet kept by the hub)
    tariff_id       BIGINT       NULL,
    customer_id     BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_meter_number (meter_number),
    KEY ix_meter_customer (customer_id),
    CONSTRAINT fk_meter_utility FOREIGN KEY (utility_id) REFERENCES utility (id),
    CONSTRAINT fk_meter_supply_group FOREIGN KEY (supply_group_id) REFERENCES supply_group (id),
    CONSTRAINT fk_meter_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT ck_meter_status CHECK (status IN ('ACTIVE', 'BLOCKED')),
    CONSTRAINT ck_meter_blocked_reason CHECK ((status = 'BLOCKED') = (blocked_reason IS NOT NULL)),
    CONSTRAINT ck_meter_kind CHECK (kind IN ('THICK', 'THIN')),
    CONSTRAINT ck_meter_tid CHECK (last_tid BETWEEN 0 AND 16777215)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A change of a meter's decoder-key parameters: the old ones are kept so that the hub can issue the key change
-- token set under the old key. DUE until the hub marks it ISSUED.
CREATE TABLE meter_key_change (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    meter_id     BIGINT      NOT NULL,
    old_sgc      CHAR(6)     NOT NULL,
    old_ti       CHAR(2)     NOT NULL,
    old_krn      INT         NOT NULL,
    old_key_type INT         NOT NULL,
    old_base_date INT        NOT NULL,
    old_dkga     CHAR(2)     NOT NULL,
    old_ea       CHAR(2)     NOT NULL,
    new_sgc      CHAR(6)     NOT NULL,
    new_ti       CHAR(2)     NOT NULL,
    new_krn      INT         NOT NULL,
    new_key_type INT         NOT NULL,
    new_base_date INT        NOT NULL,
    new_dkga     CHAR(2)     NOT NULL,
    new_ea       CHAR(2)     NOT NULL,
    status       VARCHAR(8)  NOT NULL,  -- DUE, ISSUED
    requested_by VARCHAR(64) NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    issued_at    DATETIME(6) NULL,
    PRIMARY KEY (id),
    KEY ix_meter_key_change_meter (meter_id, status),
    CONSTRAINT fk_meter_key_change_meter FOREIGN KEY (meter_id) REFERENCES meter (id),
    CONSTRAINT ck_meter_key_change_status CHECK (status IN ('DUE', 'ISSUED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

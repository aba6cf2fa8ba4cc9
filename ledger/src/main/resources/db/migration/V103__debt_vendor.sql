-- Customer debts (recovered as a share of each purchase) and third-party vendors with their groups, agents and
-- manual float adjustments. Balances are never stored here: each debt and each vendor float is a ledger account.

CREATE TABLE debt (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    customer_id            BIGINT       NOT NULL,
    currency               CHAR(3)      NOT NULL,
    description            VARCHAR(200) NOT NULL,
    original_minor         BIGINT       NOT NULL,
    recovery_bp            INT          NOT NULL,  -- share of each purchase: 2500 = 25 %
    cap_per_purchase_minor BIGINT       NULL,
    account_id             BIGINT       NULL,      -- DEBT_RECEIVABLE owner 'debt:ID', set right after insert
    created_by             VARCHAR(64)  NOT NULL,
    created_at             DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_debt_customer (customer_id),
    CONSTRAINT fk_debt_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_debt_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_debt_amounts CHECK (original_minor > 0 AND recovery_bp BETWEEN 1 AND 10000
                                      AND (cap_per_purchase_minor IS NULL OR cap_per_purchase_minor > 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE vendor_group (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_vendor_group_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE agent (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100) NOT NULL,
    phone         VARCHAR(16)  NULL,
    commission_bp INT          NOT NULL,  -- on the sales of the agent's vendors
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_agent_commission CHECK (commission_bp BETWEEN 0 AND 5000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE vendor (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    utility_id    BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    group_id      BIGINT       NULL,
    agent_id      BIGINT       NULL,
    terms         VARCHAR(12)  NOT NULL,  -- DISCOUNT (float bought at a discount) or COMMISSION (per sale)
    discount_bp   INT          NOT NULL,
    commission_bp INT          NOT NULL,
    float_account_id BIGINT    NULL,      -- VENDOR_FLOAT owner 'vendor:ID', set right after insert
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_vendor_name (utility_id, name),
    CONSTRAINT fk_vendor_utility FOREIGN KEY (utility_id) REFERENCES utility (id),
    CONSTRAINT fk_vendor_group FOREIGN KEY (group_id) REFERENCES vendor_group (id),
    CONSTRAINT fk_vendor_agent FOREIGN KEY (agent_id) REFERENCES agent (id),
    CONSTRAINT fk_vendor_float FOREIGN KEY (float_account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_vendor_terms CHECK ((terms = 'DISCOUNT' AND commission_bp = 0 AND discount_bp BETWEEN 0 AND 5000)
                                   OR (terms = 'COMMISSION' AND discount_bp = 0 AND commission_bp BETWEEN 0 AND 5000))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A manual change of a vendor's float: requested by one user, approved (then posted) or rejected by another.
CREATE TABLE vendor_adjustment (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    vendor_id    BIGINT       NOT NULL,
    amount_minor BIGINT       NOT NULL,  -- > 0 credits the float, < 0 debits it
    reason       VARCHAR(200) NOT NULL,
    status       VARCHAR(10)  NOT NULL,  -- REQUESTED, APPROVED, REJECTED
    requested_by VARCHAR(64)  NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    decided_by   VARCHAR(64)  NULL,
    decided_at   DATETIME(6)  NULL,
    transfer_id  VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    KEY ix_vendor_adjustment_vendor (vendor_id, status),
    CONSTRAINT fk_vendor_adjustment_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    CONSTRAINT fk_vendor_adjustment_transfer FOREIGN KEY (transfer_id) REFERENCES ledger_transfer (id),
    CONSTRAINT ck_vendor_adjustment CHECK (amount_minor <> 0 AND status IN ('REQUESTED', 'APPROVED', 'REJECTED')
                                           AND (decided_by IS NULL OR decided_by <> requested_by))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

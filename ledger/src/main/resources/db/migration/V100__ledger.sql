-- The double-entry ledger (TigerBeetle's model on MariaDB). Amounts are BIGINT minor units.
-- Accounts carry running balances, updated in the same transaction as the transfer that moves them.
-- Transfers are INSERT-only: a pending transfer is resolved by a NEW transfer (post, void or expiry)
-- that points back through pending_id; the UNIQUE key on pending_id makes "resolved once" a database fact.

CREATE TABLE ledger_account (
    id                             BIGINT      NOT NULL AUTO_INCREMENT,
    type                           VARCHAR(40) NOT NULL,
    currency                       CHAR(3)     NOT NULL,
    owner_ref                      VARCHAR(64) NOT NULL,  -- '' for the utility's own accounts, 'vendor:12', 'debt:7'...
    debits_must_not_exceed_credits BOOLEAN     NOT NULL,
    credits_must_not_exceed_debits BOOLEAN     NOT NULL,
    credit_limit_minor             BIGINT      NOT NULL DEFAULT 0, -- how far debits may exceed credits (vendor credit)
    debits_pending                 BIGINT      NOT NULL DEFAULT 0,
    debits_posted                  BIGINT      NOT NULL DEFAULT 0,
    credits_pending                BIGINT      NOT NULL DEFAULT 0,
    credits_posted                 BIGINT      NOT NULL DEFAULT 0,
    created_at                     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_account_owner (type, currency, owner_ref),
    CONSTRAINT ck_ledger_account_currency CHECK (currency REGEXP '^[A-Z]{3}$'),
    CONSTRAINT ck_ledger_account_limit CHECK (credit_limit_minor >= 0),
    CONSTRAINT ck_ledger_account_balances CHECK (debits_pending >= 0 AND debits_posted >= 0
                                                 AND credits_pending >= 0 AND credits_posted >= 0),
    CONSTRAINT ck_ledger_account_flags CHECK (NOT (debits_must_not_exceed_credits AND credits_must_not_exceed_debits))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ledger_transfer (
    id                VARCHAR(64)  NOT NULL,  -- chosen by the caller, reused on every retry
    kind              VARCHAR(16)  NOT NULL,  -- SINGLE_PHASE, PENDING, POST_PENDING, VOID_PENDING, EXPIRE_PENDING
    debit_account_id  BIGINT       NOT NULL,
    credit_account_id BIGINT       NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    code              VARCHAR(40)  NOT NULL,  -- why the money moved (TransferCode)
    pending_id        VARCHAR(64)  NULL,      -- the pending transfer this one resolves
    timeout_seconds   INT          NULL,      -- pending only
    expires_at        DATETIME(6)  NULL,      -- pending only: created_at + timeout
    linked_id         VARCHAR(64)  NULL,      -- id of the first transfer of a linked chain
    reference         VARCHAR(128) NULL,      -- user data: vend id, deposit slip, adjustment id...
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_transfer_resolves_once (pending_id),
    KEY ix_ledger_transfer_debit (debit_account_id, created_at),
    KEY ix_ledger_transfer_credit (credit_account_id, created_at),
    KEY ix_ledger_transfer_reference (reference),
    CONSTRAINT fk_ledger_transfer_debit FOREIGN KEY (debit_account_id) REFERENCES ledger_account (id),
    CONSTRAINT fk_ledger_transfer_credit FOREIGN KEY (credit_account_id) REFERENCES ledger_account (id),
    CONSTRAINT fk_ledger_transfer_pending FOREIGN KEY (pending_id) REFERENCES ledger_transfer (id),
    CONSTRAINT ck_ledger_transfer_amount CHECK (amount_minor >= 0),
    CONSTRAINT ck_ledger_transfer_accounts CHECK (debit_account_id <> credit_account_id),
    CONSTRAINT ck_ledger_transfer_kind CHECK (kind IN ('SINGLE_PHASE', 'PENDING', 'POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')),
    CONSTRAINT ck_ledger_transfer_pending_id CHECK ((kind IN ('POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')) = (pending_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Unresolved pending transfers only: the sweeper scans this small table instead of all history.
-- A row is inserted with the pending transfer and deleted in the transaction that resolves it.
CREATE TABLE ledger_pending_open (
    transfer_id VARCHAR(64) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (transfer_id),
    KEY ix_ledger_pending_open_expiry (expires_at),
    CONSTRAINT fk_ledger_pending_open_transfer FOREIGN KEY (transfer_id) REFERENCES ledger_transfer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Idempotency of requests from payment channels: one row per (channel, channel_ref), with a hash of the
-- request payload. Same hash -> replay of the stored result; different hash -> conflict.
CREATE TABLE ledger_idempotency (
    channel      VARCHAR(32)  NOT NULL,
    channel_ref  VARCHAR(128) NOT NULL,
    payload_hash CHAR(64)     NOT NULL,  -- SHA-256, hex
    result_ref   VARCHAR(64)  NOT NULL,  -- what the first request created (the vend id)
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (channel, channel_ref)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Mobile money (M-Pesa Daraja, MTN MoMo). One row per payment whatever the provider, with one status model:
-- INITIATED (our key persisted, provider not yet answered) -> PENDING (provider accepted, payer to approve)
-- -> PAID (money collected) | FAILED (not paid, result_code says why); a PAID payment whose vend cannot complete goes
-- REFUNDING -> REFUNDED | REFUND_FAILED. VENDED and DELIVERED are read from the payment's vend.
CREATE TABLE mm_payment (
    id                   CHAR(36)     NOT NULL PRIMARY KEY,
    provider             VARCHAR(16)  NOT NULL,                    -- MPESA, MOMO
    kind                 VARCHAR(16)  NOT NULL,                    -- C2B (paybill), STK, RTP (MoMo request-to-pay)
    provider_ref         VARCHAR(64)  NULL,                        -- TransID (C2B), CheckoutRequestID (STK, NULL until Daraja answers), X-Reference-Id (MoMo)
    receipt              VARCHAR(64)  NULL,                        -- MpesaReceiptNumber / TransID, MoMo financialTransactionId
    merchant_request_id  VARCHAR(64)  NULL,
    msisdn               VARCHAR(20)  NULL,                        -- payer's number as the provider gave it (may be masked)
    meter_number         VARCHAR(20)  NOT NULL,
    amount_minor         BIGINT       NOT NULL,
    currency             CHAR(3)      NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    result_code          VARCHAR(40)  NULL,
    result_desc          VARCHAR(500) NULL,
    vend_id              CHAR(36)     NULL,
    created_by           VARCHAR(64)  NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    checks               INT          NOT NULL DEFAULT 0,         -- status queries / polls made
    CONSTRAINT uq_mm_payment_provider_ref UNIQUE (provider, provider_ref),
    INDEX ix_mm_payment_receipt (provider, receipt),
    INDEX ix_mm_payment_status (status, provider, updated_at),
    INDEX ix_mm_payment_vend (vend_id),
    INDEX ix_mm_payment_msisdn (msisdn, amount_minor)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every provider callback exactly as it arrived, stored before it is processed.
CREATE TABLE mm_callback (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    provider      VARCHAR(16)  NOT NULL,
    kind          VARCHAR(32)  NOT NULL,                            -- c2b-validation, c2b-confirmation, stk, reversal, requesttopay…
    correlation   VARCHAR(64)  NULL,                                -- TransID, CheckoutRequestID, refund id, externalId
    method        VARCHAR(8)   NOT NULL,
    source_ip     VARCHAR(64)  NOT NULL,
    headers_json  TEXT         NOT NULL,
    body          MEDIUMTEXT   NOT NULL,
    received_at   DATETIME(6)  NOT NULL,
    processed_at  DATETIME(6)  NULL,
    outcome       VARCHAR(500) NULL,
    INDEX ix_mm_callback_correlation (provider, correlation),
    INDEX ix_mm_callback_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Refunds of paid payments whose vend could not complete (M-Pesa Transaction Reversal). The row and its id exist before
-- the provider is called; status QUEUED -> REQUESTED -> REFUNDED | FAILED, or MANUAL where no API exists.
CREATE TABLE mm_refund (
    id                           CHAR(36)     NOT NULL PRIMARY KEY,
    vend_id                      CHAR(36)     NULL,                  -- NULL when no vend could even be created
    payment_id                   CHAR(36)     NOT NULL,
    provider                     VARCHAR(16)  NOT NULL,
    status                       VARCHAR(16)  NOT NULL,
    attempts                     INT          NOT NULL DEFAULT 0,
    originator_conversation_id   VARCHAR(64)  NULL,
    conversation_id              VARCHAR(64)  NULL,
    result_code                  VARCHAR(40)  NULL,
    result_desc                  VARCHAR(500) NULL,
    next_attempt_at              DATETIME(6)  NULL,
    created_at                   DATETIME(6)  NOT NULL,
    updated_at                   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_mm_refund_payment UNIQUE (payment_id),
    INDEX ix_mm_refund_status (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- POS terminals (README "XMLVend and POS"): mobile terminals registered to a vendor, whose float pays their sales; the
-- vendor's cashiers who sign in on them; operator sessions bound to one terminal; shifts with their Z-report; and the
-- link of every POS vend to its terminal, cashier and shift. Secrets and PINs are bcrypt, session tokens SHA-256.

-- A vendor's POS selling as a whole: no row means allowed. Suspending it refuses every terminal of the vendor at once.
CREATE TABLE pos_vendor (
    vendor_id  BIGINT       NOT NULL PRIMARY KEY,
    enabled    BOOLEAN      NOT NULL,
    reason     VARCHAR(200) NULL,
    changed_by VARCHAR(64)  NOT NULL,
    changed_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_pos_vendor_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE pos_terminal (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    terminal_id        VARCHAR(32)  NOT NULL,                   -- what the terminal calls itself (serial number)
    vendor_id          BIGINT       NOT NULL,
    name               VARCHAR(100) NOT NULL,
    secret_hash        VARCHAR(100) NULL,                       -- bcrypt of the secret shown once at registration
    cert_subject       VARCHAR(300) NULL,                       -- when set, the TLS client certificate it must present
    enabled            BOOLEAN      NOT NULL,
    disabled_reason    VARCHAR(200) NULL,
    wanted_app_version VARCHAR(32)  NULL,                       -- announced by terminal management
    app_version        VARCHAR(32)  NULL,                       -- last reported by the terminal (X-POS-App-Version)
    last_seen_at       DATETIME(6)  NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    CONSTRAINT uq_pos_terminal_id UNIQUE (terminal_id),
    CONSTRAINT uq_pos_terminal_cert UNIQUE (cert_subject),
    CONSTRAINT fk_pos_terminal_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    INDEX ix_pos_terminal_vendor (vendor_id, terminal_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A vendor's cashiers; any of them may sign in on any of the vendor's terminals. Locked after repeated wrong PINs.
CREATE TABLE pos_cashier (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    vendor_id     BIGINT       NOT NULL,
    login         VARCHAR(24)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    pin_hash      VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  DATETIME(6)  NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_pos_cashier_login UNIQUE (vendor_id, login),
    CONSTRAINT fk_pos_cashier_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Operator sessions: the token itself is never stored, only its SHA-256. One live session per terminal.
CREATE TABLE pos_session (
    token_hash   CHAR(64)    NOT NULL PRIMARY KEY,
    terminal_pk  BIGINT      NOT NULL,
    cashier_id   BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    idle_until   DATETIME(6) NOT NULL,                          -- moved forward while the cashier works
    valid_until  DATETIME(6) NOT NULL,                          -- never moved: the longest a session lives
    ended_at     DATETIME(6) NULL,
    ended_reason VARCHAR(40) NULL,
    CONSTRAINT fk_pos_session_terminal FOREIGN KEY (terminal_pk) REFERENCES pos_terminal (id),
    CONSTRAINT fk_pos_session_cashier FOREIGN KEY (cashier_id) REFERENCES pos_cashier (id),
    INDEX ix_pos_session_terminal (terminal_pk, ended_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Shifts: at most one open per terminal (open_terminal is unique and NULL once closed). The Z-report's totals are
-- stored at close, so it reprints the same for ever.
CREATE TABLE pos_shift (
    id                  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    terminal_pk         BIGINT      NOT NULL,
    shift_no            INT         NOT NULL,                   -- 1, 2, 3... per terminal
    vendor_id           BIGINT      NOT NULL,
    status              VARCHAR(8)  NOT NULL,                   -- OPEN or CLOSED
    opened_by           BIGINT      NOT NULL,
    opened_at           DATETIME(6) NOT NULL,
    opening_float_minor BIGINT      NOT NULL,
    closed_by           BIGINT      NULL,
    closed_at           DATETIME(6) NULL,
    closing_float_minor BIGINT      NULL,
    totals_json         TEXT        NULL,
    open_terminal       BIGINT AS (IF(status = 'OPEN', terminal_pk, NULL)) PERSISTENT,
    CONSTRAINT uq_pos_shift_open UNIQUE (open_terminal),
    CONSTRAINT uq_pos_shift_no UNIQUE (terminal_pk, shift_no),
    CONSTRAINT fk_pos_shift_terminal FOREIGN KEY (terminal_pk) REFERENCES pos_terminal (id),
    CONSTRAINT fk_pos_shift_opened_by FOREIGN KEY (opened_by) REFERENCES pos_cashier (id),
    CONSTRAINT fk_pos_shift_closed_by FOREIGN KEY (closed_by) REFERENCES pos_cashier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every POS vend request: written (under the open shift's lock) before the vend is handed to the vend flow, keyed by
-- the vend's channel reference, so that shift totals are one join with vend. A retry with the same reference finds it.
CREATE TABLE pos_vend (
    channel_ref    VARCHAR(128) NOT NULL PRIMARY KEY,           -- vend.channel_ref of channel POS: terminalId:clientRef
    client_ref     VARCHAR(64)  NOT NULL,
    terminal_pk    BIGINT       NOT NULL,
    cashier_id     BIGINT       NOT NULL,
    shift_id       BIGINT       NOT NULL,
    vend_id        CHAR(36)     NULL,                           -- known once the vend flow has answered
    receipt_prints INT          NOT NULL DEFAULT 0,
    reversed_by    BIGINT       NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_pos_vend_shift FOREIGN KEY (shift_id) REFERENCES pos_shift (id),
    CONSTRAINT fk_pos_vend_cashier FOREIGN KEY (cashier_id) REFERENCES pos_cashier (id),
    INDEX ix_pos_vend_shift (shift_id, created_at),
    INDEX ix_pos_vend_vend (vend_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

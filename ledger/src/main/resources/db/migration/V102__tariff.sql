-- Tariffs with validity periods. A tariff is a name; its prices live in versions, each valid from a moment
-- (inclusive) until the next version starts (or valid_to, exclusive). Prices are VAT-exclusive; the tendered
-- amount of a vend is VAT-inclusive (see ledger/README.md, "Pricing").

CREATE TABLE tariff (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    utility_id BIGINT       NOT NULL,
    code       VARCHAR(32)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    currency   CHAR(3)      NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff_code (utility_id, code),
    CONSTRAINT fk_tariff_utility FOREIGN KEY (utility_id) REFERENCES utility (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tariff_version (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    tariff_id   BIGINT      NOT NULL,
    valid_from  DATETIME(6) NOT NULL,
    valid_to    DATETIME(6) NULL,
    tax_rate_bp INT         NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff_version_from (tariff_id, valid_from),
    CONSTRAINT fk_tariff_version_tariff FOREIGN KEY (tariff_id) REFERENCES tariff (id),
    CONSTRAINT ck_tariff_version_period CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT ck_tariff_version_tax CHECK (tax_rate_bp BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Inclining blocks: block n covers month-to-date units [from_units_tenths, next block's from), the last one is open.
-- A single-rate tariff is one block from 0.
CREATE TABLE tariff_block (
    id                     BIGINT NOT NULL AUTO_INCREMENT,
    version_id             BIGINT NOT NULL,
    from_units_tenths      BIGINT NOT NULL,
    rate_per_unit_minor_e4 BIGINT NOT NULL,  -- price of one kWh (m3) in minor units x 10^4, VAT-exclusive
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff_block_from (version_id, from_units_tenths),
    CONSTRAINT fk_tariff_block_version FOREIGN KEY (version_id) REFERENCES tariff_version (id),
    CONSTRAINT ck_tariff_block CHECK (from_units_tenths >= 0 AND rate_per_unit_minor_e4 > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Fixed periodic fees (a monthly service charge...), charged with the first vend of the period. The code is
-- stable across versions, so that a new tariff version in mid-month does not charge the same fee twice.
CREATE TABLE tariff_fee (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version_id   BIGINT       NOT NULL,
    code         VARCHAR(32)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    amount_minor BIGINT       NOT NULL,  -- VAT-exclusive
    period       VARCHAR(8)   NOT NULL,  -- MONTHLY
    PRIMARY KEY (id),
    UNIQUE KEY uk_tariff_fee_code (version_id, code),
    CONSTRAINT fk_tariff_fee_version FOREIGN KEY (version_id) REFERENCES tariff_version (id),
    CONSTRAINT ck_tariff_fee CHECK (amount_minor > 0 AND period IN ('MONTHLY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE meter ADD CONSTRAINT fk_meter_tariff FOREIGN KEY (tariff_id) REFERENCES tariff (id);

-- What a meter bought in a period (month, 'YYYY-MM' in UTC): decides the block of the next purchase.
CREATE TABLE meter_period_usage (
    meter_id     BIGINT     NOT NULL,
    period       CHAR(7)    NOT NULL,
    units_tenths BIGINT     NOT NULL,
    PRIMARY KEY (meter_id, period),
    CONSTRAINT fk_meter_period_usage_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A fixed fee charged to a meter for a period: at most once per fee code (the unique key says so).
CREATE TABLE meter_fee_charge (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    meter_id     BIGINT      NOT NULL,
    fee_code     VARCHAR(32) NOT NULL,
    period       CHAR(7)     NOT NULL,
    amount_minor BIGINT      NOT NULL,
    vend_ref     VARCHAR(64) NOT NULL,
    charged_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_meter_fee_charge_once (meter_id, fee_code, period),
    CONSTRAINT fk_meter_fee_charge_meter FOREIGN KEY (meter_id) REFERENCES meter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

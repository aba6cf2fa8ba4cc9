-- The console's dashboard reads sales as aggregate SQL over the vend table; these make it fast with millions of vends.

-- Sales of a day or a period: an index that covers the whole aggregate (no row look-ups), read in created_at order.
CREATE INDEX ix_vend_sales ON vend (created_at, purpose, status, channel, currency, amount_minor, units_tenths);

-- The vendor whose float paid a vend (vendor channels such as XMLVend pay with Payer.vendor), for vendor-group users who
-- see only their group's sales. Computed by the database from the stored request, so the vend flow writes nothing more.
ALTER TABLE vend ADD COLUMN payer_vendor_id BIGINT AS (
    CASE WHEN JSON_VALUE(request_json, '$.payer.kind') = 'VENDOR'
         THEN CAST(JSON_VALUE(request_json, '$.payer.ref') AS INTEGER) END) VIRTUAL;
CREATE INDEX ix_vend_payer_vendor ON vend (payer_vendor_id, created_at);

-- A vendor's own low-float warning level; vendors without a row use hub.console.dashboard.low-float-minor.
CREATE TABLE vendor_float_alert (
    vendor_id       BIGINT      NOT NULL,
    threshold_minor BIGINT      NOT NULL,
    updated_by      VARCHAR(64) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (vendor_id),
    CONSTRAINT fk_vendor_float_alert_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    CONSTRAINT ck_vendor_float_alert_threshold CHECK (threshold_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

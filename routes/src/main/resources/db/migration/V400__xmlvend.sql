-- XMLVend 2.1 clients: a vending client (gateway, bank, POS network) identified by its EAN, selling on one vendor's
-- float, with the terminals behind it and the operators who may sign requests (authCred). Passwords are bcrypt.
CREATE TABLE xmlvend_client (
    client_id          VARCHAR(40)  NOT NULL PRIMARY KEY,          -- the EAN (or generic id) sent as clientID
    vendor_id          BIGINT       NOT NULL,
    name               VARCHAR(100) NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    allowed_operations VARCHAR(500) NULL,                          -- comma-separated WSDL operation names; NULL: all
    cert_subject       VARCHAR(300) NULL,                          -- when set, only this TLS client certificate may call
    created_at         DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE xmlvend_terminal (
    client_id   VARCHAR(40) NOT NULL,
    terminal_id VARCHAR(40) NOT NULL,
    enabled     BOOLEAN     NOT NULL,
    PRIMARY KEY (client_id, terminal_id),
    CONSTRAINT fk_xmlvend_terminal_client FOREIGN KEY (client_id) REFERENCES xmlvend_client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE xmlvend_operator (
    client_id     VARCHAR(40)  NOT NULL,
    op_name       VARCHAR(40)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    PRIMARY KEY (client_id, op_name),
    CONSTRAINT fk_xmlvend_operator_client FOREIGN KEY (client_id) REFERENCES xmlvend_client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every answered value-moving request by (client, msgID): the complete response as sent, so that a repeated msgID
-- and a LastRespAdviceReq return exactly the original (token, receipt numbers, availCredit, respDateTime).
CREATE TABLE xmlvend_response (
    client_id     VARCHAR(40)  NOT NULL,
    msg_date_time CHAR(14)     NOT NULL,
    msg_unique    VARCHAR(20)  NOT NULL,
    operation     VARCHAR(40)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    vend_id       CHAR(36)     NOT NULL,
    meter_number  VARCHAR(13)  NOT NULL,
    response_xml  MEDIUMTEXT   NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (client_id, msg_date_time, msg_unique),
    INDEX ix_xmlvend_response_meter (client_id, meter_number, created_at),
    INDEX ix_xmlvend_response_fbe (meter_number, operation, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

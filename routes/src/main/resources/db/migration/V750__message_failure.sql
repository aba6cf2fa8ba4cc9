-- The failed deliveries of command messages (Artemis queues), one row per message, written by the hub each time a
-- consumer fails on it. The broker does not record when a message first failed or why; this table does, so that an
-- operator looking at a dead letter sees when it started failing, how often and with what error. Keyed by the JMS
-- message id, which Artemis keeps when it moves a message to its dead-letter queue. Rows older than
-- hub.dead-letters.failure-retention are deleted.
CREATE TABLE message_failure (
    message_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    queue_name       VARCHAR(200) NOT NULL,
    first_failed_at  DATETIME(6)  NOT NULL,
    last_failed_at   DATETIME(6)  NOT NULL,
    failures         INT          NOT NULL,
    last_error       VARCHAR(500) NOT NULL,
    INDEX ix_message_failure_last (last_failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

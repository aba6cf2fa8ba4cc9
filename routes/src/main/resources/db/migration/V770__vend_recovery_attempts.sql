-- How often vend-recover resubmitted a vend that stayed RECEIVED or RESERVED. A vend whose command fails every time
-- (it sits in DLQ.vend.cmd.submit) is resubmitted at most hub.vend.recovery-attempts-max times, then left for an operator
-- with one ALERT, instead of a new copy in the dead-letter queue every recovery period.
ALTER TABLE vend ADD COLUMN recovery_attempts INT NOT NULL DEFAULT 0;

-- The web console: a user may be scoped to one vendor group (vendor-group supervisors see only its vendors).
ALTER TABLE hub_user ADD COLUMN vendor_group_id BIGINT NULL;
ALTER TABLE hub_user ADD CONSTRAINT fk_hub_user_vendor_group FOREIGN KEY (vendor_group_id) REFERENCES vendor_group (id);

-- The audit log is searched by action and by subject as well as by actor and time.
CREATE INDEX ix_audit_event_action ON audit_event (action, at);

-- ix_vend_sales (V650) begins with created_at, so it serves every query ix_vend_created served; one index less to
-- write for every vend.
DROP INDEX ix_vend_created ON vend;

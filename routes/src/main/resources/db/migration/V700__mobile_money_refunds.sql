-- Mobile-money refunds, second part: MoMo refunds through the Disbursement product, and the M-Pesa receipt look-up
-- (Transaction Status) for STK payments that the status query settled without a receipt.
-- mm_refund.status is now QUEUED -> [LOOKUP] -> REQUESTED -> REFUNDED | FAILED:
--   QUEUED     to be sent (again): the MoMo X-Reference-Id is the refund's id, the same on every retry
--   LOOKUP     M-Pesa only: the payment's receipt is being asked for with Transaction Status before the reversal
--   REQUESTED  the provider accepted the refund; its result comes by callback or by polling
-- (MANUAL rows from before this version stay as they are.)
ALTER TABLE mm_refund
    ADD COLUMN receipt VARCHAR(64) NULL AFTER conversation_id;  -- the provider's id of the refund: reversal TransactionID, MoMo financialTransactionId

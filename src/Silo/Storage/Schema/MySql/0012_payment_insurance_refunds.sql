-- Medical insurance split (医保结算) and refunds part by part (issue 20, points 3-4).
-- The split of an order's amount: pooled_fund_amount (统筹) + personal_account_amount (个人账户) + self_pay_amount (自付) = amount.
-- Orders from before this version were all self-pay.
ALTER TABLE payment_orders
  ADD COLUMN IF NOT EXISTS insurance_type VARCHAR(16) NOT NULL DEFAULT 'SelfPay',
  ADD COLUMN IF NOT EXISTS fee_type VARCHAR(16) NOT NULL DEFAULT 'General',
  ADD COLUMN IF NOT EXISTS pooled_fund_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS personal_account_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS self_pay_amount DECIMAL(10, 2) NOT NULL DEFAULT 0;
UPDATE payment_orders SET self_pay_amount = amount WHERE insurance_type = 'SelfPay';

-- One row per part of a refund (refund_id: the refunds row, e.g. rf-{appointment} for a cancellation); the row's id is the
-- gateway's refund id. part: PooledFund | PersonalAccount | SelfPay. status: Requested | Processing | Succeeded | Failed.
-- attempts: submissions to the gateway; retry_at: when a failed part is submitted again; surfaced_at: set when its attempts
-- are spent and it waits for an admin. Written by the order's grain with the order row (its version checks the write).
CREATE TABLE IF NOT EXISTS payment_refund_parts (
  id VARCHAR(128) NOT NULL PRIMARY KEY,
  refund_id VARCHAR(96) NOT NULL,
  order_id VARCHAR(96) NOT NULL,
  part VARCHAR(16) NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  retry_at DATETIME(6) NULL,
  surfaced_at DATETIME(6) NULL,
  last_error VARCHAR(256) NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  INDEX ix_payment_refund_parts_order (order_id),
  INDEX ix_payment_refund_parts_refund (refund_id),
  INDEX ix_payment_refund_parts_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every change of a refund part: from, to, who (system, gateway:sandbox, staff:{id}), why, when.
CREATE TABLE IF NOT EXISTS payment_refund_events (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  refund_part_id VARCHAR(128) NOT NULL,
  from_status VARCHAR(16) NULL,
  to_status VARCHAR(16) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  reason VARCHAR(256) NOT NULL,
  at DATETIME(6) NOT NULL,
  INDEX ix_payment_refund_events_part (refund_part_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX IF NOT EXISTS ix_refunds_payment ON refunds (payment_id);

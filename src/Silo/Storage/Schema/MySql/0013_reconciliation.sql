-- The sandbox gateway's own records (its side, not our ledger): the orders opened at it, their payments and refunds, kept
-- so that its daily statement can be produced for any past day, after a restart and from any node. An order keeps how
-- insurance and the patient share it, and each refund the part it goes back to; a refund's paid_out counts the times
-- money went back (never more than once), and its refunded_at is its last attempt.
CREATE TABLE IF NOT EXISTS sandbox_gateway_orders (
  id VARCHAR(96) NOT NULL PRIMARY KEY,
  amount DECIMAL(10, 2) NOT NULL,
  pooled_fund_amount DECIMAL(10, 2) NOT NULL,
  personal_account_amount DECIMAL(10, 2) NOT NULL,
  self_pay_amount DECIMAL(10, 2) NOT NULL,
  description VARCHAR(256) NOT NULL,
  state VARCHAR(16) NOT NULL,
  trade_no VARCHAR(64) NULL,
  created_at DATETIME(6) NOT NULL,
  paid_at DATETIME(6) NULL,
  INDEX ix_sandbox_gateway_orders_paid (paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE IF NOT EXISTS sandbox_gateway_refunds (
  refund_id VARCHAR(128) NOT NULL PRIMARY KEY,
  order_id VARCHAR(96) NOT NULL,
  part VARCHAR(16) NOT NULL,
  amount DECIMAL(10, 2) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  paid_out INT NOT NULL,
  refunded_at DATETIME(6) NOT NULL,
  INDEX ix_sandbox_gateway_refunds_order (order_id),
  INDEX ix_sandbox_gateway_refunds_at (refunded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Our ledger's payments and refunds of a day, as the reconciliation reads them.
CREATE INDEX ix_payment_events_status_at ON payment_events (to_status, at);

-- Daily reconciliation (对账) reports: every run of a hospital day is a new version; the highest version is the day's current report.
CREATE TABLE IF NOT EXISTS reconciliation_reports (
  day DATE NOT NULL,
  version INT NOT NULL,
  run_by VARCHAR(64) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  report LONGTEXT NOT NULL,
  PRIMARY KEY (day, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The daily job's claim of a day: one node runs it; a claim not done within its lease may be taken over.
CREATE TABLE IF NOT EXISTS reconciliation_daily_runs (
  day DATE NOT NULL PRIMARY KEY,
  claimed_at DATETIME(6) NOT NULL,
  done_at DATETIME(6) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

package org.vendinghub.ledger.meter;

public enum MeterStatus { ACTIVE, BLOCKED }

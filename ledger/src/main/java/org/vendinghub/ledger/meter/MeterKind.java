package org.vendinghub.ledger.meter;

/** THICK: an STS keypad meter that keeps its own balance. THIN: a smart meter whose wallet the hub keeps. */
public enum MeterKind { THICK, THIN }

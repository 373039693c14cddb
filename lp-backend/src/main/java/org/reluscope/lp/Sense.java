package org.reluscope.lp;

/** Optimisation direction. */
public enum Sense {
    MINIMIZE,
    MAXIMIZE
}

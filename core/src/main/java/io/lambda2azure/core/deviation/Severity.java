package io.lambda2azure.core.deviation;

import java.util.Locale;

/** How much a deviation matters for a migration, in increasing order. */
public enum Severity {
    /** Carried over, but differently: worth knowing, nothing to do. */
    INFO,
    /** Carried over partly: review it and maybe act. */
    WARNING,
    /** Not carried over: the migrated application will not behave the same until someone acts. */
    BLOCKER;

    /** The lower-case name used in output ({@code warning}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}

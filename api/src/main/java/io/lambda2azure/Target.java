package io.lambda2azure;

/** An infrastructure-as-code language lambda2azure writes. */
public enum Target {
    /** Bicep: {@code bicep/main.bicep} and {@code bicep/main.bicepparam}. */
    BICEP
}

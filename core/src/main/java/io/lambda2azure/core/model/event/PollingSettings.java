package io.lambda2azure.core.model.event;

import io.lambda2azure.core.expr.Expr;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The batch, retry, filter and scaling settings of a polled event source; only those the input set.
 *
 * @param values the settings that were set
 */
public record PollingSettings(Map<PollingSetting, Expr> values) {

    /** No settings: every platform default applies. */
    public static final PollingSettings NONE = new PollingSettings(Map.of());

    public PollingSettings {
        EnumMap<PollingSetting, Expr> copy = new EnumMap<>(PollingSetting.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** The value of one setting, if set. */
    public Optional<Expr> get(PollingSetting setting) {
        return Optional.ofNullable(values.get(setting));
    }
}

package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;

import java.util.EnumMap;
import java.util.Map;

/** Reads the polling settings that SAM pull events and event source mappings share. */
final class Polling {

    private Polling() {
    }

    /** Every {@link PollingSetting} present in the properties, each marked read. */
    static PollingSettings settings(Props props) {
        Map<PollingSetting, Expr> values = new EnumMap<>(PollingSetting.class);
        for (PollingSetting setting : PollingSetting.values()) {
            props.expr(setting.propertyName()).ifPresent(value -> values.put(setting, value));
        }
        return new PollingSettings(values);
    }
}

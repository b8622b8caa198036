package io.lambda2azure.core.azure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Azure Functions hosting plans lambda2azure can target. */
public enum PlanKind {
    FLEX_CONSUMPTION("flex", "Flex Consumption"),
    PREMIUM("premium", "Premium (Elastic Premium)"),
    DEDICATED("dedicated", "Dedicated (App Service plan)"),
    CONSUMPTION("consumption", "Consumption");

    private final String id;
    private final String title;

    PlanKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name used on the command line ({@code flex}). */
    public String id() {
        return id;
    }

    /** The plan's name in reports. */
    public String title() {
        return title;
    }

    /** The plan with that command-line name, if any. */
    public static Optional<PlanKind> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
    }
}

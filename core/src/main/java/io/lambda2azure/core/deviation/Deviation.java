package io.lambda2azure.core.deviation;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * One place where the migrated application differs from the AWS one.
 *
 * @param kind     the kind, with its id, title, impact and mitigation
 * @param severity this instance's severity (usually the kind's)
 * @param message  what exactly differs here, naming the AWS element and value
 * @param source   where the AWS element is written
 * @param target   the Azure element it affects, if one was generated
 */
public record Deviation(DeviationKind kind, Severity severity, String message, SourceLocation source,
                        Optional<Target> target) implements Comparable<Deviation> {

    public Deviation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /**
     * The Azure element a deviation is written above: a resource, or one of its properties.
     *
     * @param resource the symbolic name of the Azure resource
     * @param property the semantic property key ({@code runtime}, {@code instanceMemory},
     *                 {@code appSettings.TABLE_NAME}); empty for the resource as a whole
     */
    public record Target(String resource, Optional<String> property) {
        public Target {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(property, "property");
        }

        public static Target resource(String resource) {
            return new Target(resource, Optional.empty());
        }

        public static Target property(String resource, String property) {
            return new Target(resource, Optional.of(property));
        }
    }

    /** The one-line form used in comments and logs: {@code L2A104 warning: message}. */
    public String line() {
        return kind.id() + " " + severity.id() + ": " + message;
    }

    /** Source order, then id, so reports read like the input. */
    @Override
    public int compareTo(Deviation other) {
        int bySource = source.compareTo(other.source);
        if (bySource != 0) {
            return bySource;
        }
        int byId = kind.id().compareTo(other.kind.id());
        return byId != 0 ? byId : message.compareTo(other.message);
    }
}

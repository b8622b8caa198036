package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An input of the application (a CloudFormation parameter, a Terraform variable). It becomes a Bicep
 * {@code param} and a Terraform {@code variable}.
 *
 * @param name          the name as written
 * @param type          the declared type as written ({@code String}, {@code Number},
 *                      {@code CommaDelimitedList}, {@code AWS::SSM::Parameter::Value<String>}, ...)
 * @param defaultValue  the default, if any
 * @param allowedValues the allowed values, empty when any value is allowed
 * @param description   the description, if any
 * @param secret        whether the value must never be shown ({@code NoEcho}, Terraform {@code sensitive})
 * @param constraints   length, value and pattern constraints
 * @param location      where it is declared
 */
public record Parameter(String name, String type, Optional<Expr> defaultValue, List<Expr> allowedValues,
                        Optional<String> description, boolean secret, ParameterConstraints constraints,
                        SourceLocation location) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowedValues = List.copyOf(allowedValues);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(location, "location");
    }

    /**
     * Length, value and pattern constraints of a parameter; each is empty when not declared.
     */
    public record ParameterConstraints(Optional<Long> minLength, Optional<Long> maxLength,
                                       Optional<java.math.BigDecimal> minValue,
                                       Optional<java.math.BigDecimal> maxValue,
                                       Optional<String> allowedPattern, Optional<String> constraintDescription) {

        /** No constraints at all. */
        public static final ParameterConstraints NONE = new ParameterConstraints(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public ParameterConstraints {
            Objects.requireNonNull(minLength, "minLength");
            Objects.requireNonNull(maxLength, "maxLength");
            Objects.requireNonNull(minValue, "minValue");
            Objects.requireNonNull(maxValue, "maxValue");
            Objects.requireNonNull(allowedPattern, "allowedPattern");
            Objects.requireNonNull(constraintDescription, "constraintDescription");
        }
    }
}

package io.lambda2azure.core.model.identity;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;

/** One entry of what a function is allowed to do, as written on the function (SAM {@code Policies}). */
public sealed interface FunctionPolicy {

    /** Where the entry is written. */
    SourceLocation location();

    /** A managed policy by ARN or name ({@code AWSLambdaExecute}, {@code !Ref MyManagedPolicy}). */
    record ManagedPolicy(Expr arnOrName, SourceLocation location) implements FunctionPolicy {
        public ManagedPolicy {
            Objects.requireNonNull(arnOrName, "arnOrName");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A SAM policy template ({@code SQSPollerPolicy: {QueueName: ...}}).
     *
     * @param name       the template's name
     * @param parameters its parameters as written (usually a map)
     */
    record PolicyTemplate(String name, Expr parameters, SourceLocation location) implements FunctionPolicy {
        public PolicyTemplate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(location, "location");
        }
    }

    /** An inline policy document's statements. */
    record InlineStatements(List<PolicyStatement> statements, SourceLocation location) implements FunctionPolicy {
        public InlineStatements {
            statements = List.copyOf(statements);
            Objects.requireNonNull(location, "location");
        }
    }

    /** An entry whose value is symbolic as a whole (for example an {@code !If} between two policies). */
    record Symbolic(Expr value, SourceLocation location) implements FunctionPolicy {
        public Symbolic {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
        }
    }
}

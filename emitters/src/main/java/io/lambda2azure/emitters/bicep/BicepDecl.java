package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A top-level statement of a Bicep or Bicep parameters file, with the comment lines written directly above
 * it (and above its decorators).
 */
sealed interface BicepDecl {

    /** The comment lines above the statement. */
    List<Comment> comments();

    /** {@code @name(arguments)}. */
    record Decorator(String name, List<BicepExpr> arguments) {
        public Decorator {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** Comment lines that stand alone (the file header). */
    record CommentBlock(List<Comment> comments) implements BicepDecl {
        public CommentBlock {
            comments = List.copyOf(comments);
        }
    }

    /** {@code param name type = default}. */
    record Param(List<Comment> comments, List<Decorator> decorators, String name, String type,
                 Optional<BicepExpr> defaultValue) implements BicepDecl {
        public Param {
            comments = List.copyOf(comments);
            decorators = List.copyOf(decorators);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
        }
    }

    /** {@code var name = value}. */
    record Var(List<Comment> comments, String name, BicepExpr value) implements BicepDecl {
        public Var {
            comments = List.copyOf(comments);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code resource symbol 'type@apiVersion' [existing] = [if (condition)] { [parent: parent] body }}.
     */
    record Resource(List<Comment> comments, String symbol, String type, String apiVersion, boolean existing,
                    Optional<BicepExpr> condition, Optional<BicepExpr> parent, ObjectLiteral body)
            implements BicepDecl {
        public Resource {
            comments = List.copyOf(comments);
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(apiVersion, "apiVersion");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(body, "body");
        }
    }

    /** {@code output name type = value}. */
    record Output(List<Comment> comments, List<Decorator> decorators, String name, String type, BicepExpr value)
            implements BicepDecl {
        public Output {
            comments = List.copyOf(comments);
            decorators = List.copyOf(decorators);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code using 'path'} (parameters files). */
    record Using(List<Comment> comments, String path) implements BicepDecl {
        public Using {
            comments = List.copyOf(comments);
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@code param name = value} (parameters files). */
    record ParamAssignment(List<Comment> comments, String name, BicepExpr value) implements BicepDecl {
        public ParamAssignment {
            comments = List.copyOf(comments);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}

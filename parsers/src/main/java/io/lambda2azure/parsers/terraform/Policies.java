package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.hcl.Attribute;
import io.lambda2azure.parsers.hcl.Expression;
import io.lambda2azure.parsers.hcl.TraversalStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM policy documents as statements: the blocks of a {@code data "aws_iam_policy_document"}, and JSON
 * documents written with {@code jsonencode} or as a heredoc, all read into the same {@link PolicyStatement}s
 * the CloudFormation reader gives for a {@code PolicyDocument}.
 */
final class Policies {

    private Policies() {
    }

    /**
     * The statements of a policy attribute: located at their blocks when the attribute refers to a
     * {@code aws_iam_policy_document}, else read from the document's value and located at the attribute.
     * Empty when the value is not a document that can be read (a {@code file(...)}, a variable).
     */
    static Optional<List<PolicyStatement>> read(Attrs attrs, String attribute) {
        Optional<Attribute> raw = attrs.raw(attribute);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Evaluator evaluator = attrs.evaluator();
        Optional<Declared> data = documentReference(raw.get().value(), evaluator.module());
        if (data.isPresent()) {
            return Optional.of(documentStatements(data.get(), evaluator.session().evaluator(data.get().module)));
        }
        return statements(evaluator.expr(raw.get().value()), raw.get().location(), evaluator.session());
    }

    /** The data source a {@code data.aws_iam_policy_document.<name>.json} reference names. */
    static Optional<Declared> documentReference(Expression value, ModuleInstance module) {
        if (value instanceof Expression.Template t && t.unwrapped().isPresent()) {
            return documentReference(t.unwrapped().get(), module);
        }
        if (value instanceof Expression.Traversal t && t.source() instanceof Expression.Variable v
                && "data".equals(v.name()) && t.steps().size() == 3
                && t.steps().get(0) instanceof TraversalStep.GetAttr type
                && "aws_iam_policy_document".equals(type.name())
                && t.steps().get(1) instanceof TraversalStep.GetAttr name
                && t.steps().get(2) instanceof TraversalStep.GetAttr json
                && ("json".equals(json.name()) || "minified_json".equals(json.name()))) {
            return module.find(Declared.Kind.DATA, type.name(), name.name());
        }
        return Optional.empty();
    }

    /** The statements of an {@code aws_iam_policy_document}, its source documents' first. */
    static List<PolicyStatement> documentStatements(Declared data, Evaluator evaluator) {
        List<PolicyStatement> statements = new ArrayList<>();
        Attrs doc = new Attrs(data.block.body(), "", evaluator, data.location());
        doc.raw("source_policy_documents").ifPresent(a -> {
            if (a.value() instanceof Expression.TupleConstructor t) {
                for (Expression item : t.items()) {
                    Optional<Declared> other = documentReference(item, evaluator.module());
                    if (other.isPresent() && other.get() != data) {
                        statements.addAll(documentStatements(other.get(), evaluator));
                    } else {
                        statements(evaluator.expr(item), item.location(), evaluator.session())
                                .ifPresent(statements::addAll);
                    }
                }
            }
        });
        for (Attrs s : doc.blocks("statement")) {
            String effect = s.string("effect").orElse("Allow");
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                evaluator.session().problem(s.location("effect"), "a statement's effect must be \"Allow\" or"
                        + " \"Deny\"; found \"" + effect + "\"");
            }
            boolean notAction = s.has("not_actions");
            boolean notResource = s.has("not_resources");
            Map<String, Map<String, Expr>> conditions = new LinkedHashMap<>();
            for (Attrs c : s.blocks("condition")) {
                String test = c.string("test").orElse("");
                String variable = c.string("variable").orElse("");
                conditions.computeIfAbsent(test, k -> new LinkedHashMap<>())
                        .put(variable, c.expr("values").orElse(new Expr.ListExpr(List.of())));
            }
            Map<String, Expr> condition = new LinkedHashMap<>();
            conditions.forEach((test, values) -> condition.put(test, new Expr.MapExpr(values)));
            statements.add(new PolicyStatement(s.string("sid"), !"Deny".equals(effect),
                    items(s.expr(notAction ? "not_actions" : "actions")), notAction,
                    items(s.expr(notResource ? "not_resources" : "resources")), notResource,
                    condition.isEmpty() ? Optional.empty() : Optional.of(new Expr.MapExpr(condition)), s.location()));
        }
        return statements;
    }

    /** The trusted principals of an {@code aws_iam_policy_document}'s statements. */
    static List<Expr> documentPrincipals(Declared data, Evaluator evaluator) {
        List<Expr> principals = new ArrayList<>();
        Attrs doc = new Attrs(data.block.body(), "", evaluator, data.location());
        for (Attrs s : doc.blocks("statement")) {
            for (Attrs p : s.blocks("principals")) {
                principals.addAll(items(p.expr("identifiers")));
            }
        }
        return principals;
    }

    /** Statements as a document in CloudFormation's shape, for a reference to the document's JSON. */
    static Expr document(List<PolicyStatement> statements) {
        List<Expr> items = new ArrayList<>();
        for (PolicyStatement s : statements) {
            Map<String, Expr> entries = new LinkedHashMap<>();
            s.sid().ifPresent(sid -> entries.put("Sid", Expr.string(sid)));
            entries.put("Effect", Expr.string(s.allow() ? "Allow" : "Deny"));
            entries.put(s.notAction() ? "NotAction" : "Action", new Expr.ListExpr(s.actions()));
            if (!s.resources().isEmpty()) {
                entries.put(s.notResource() ? "NotResource" : "Resource", new Expr.ListExpr(s.resources()));
            }
            s.condition().ifPresent(c -> entries.put("Condition", c));
            items.add(new Expr.MapExpr(entries));
        }
        Map<String, Expr> document = new LinkedHashMap<>();
        document.put("Version", Expr.string("2012-10-17"));
        document.put("Statement", new Expr.ListExpr(items));
        return new Expr.MapExpr(document);
    }

    /**
     * The statements of a document value ({@code jsonencode({...})}, a JSON heredoc), each located at
     * {@code at}; empty when the value is not a readable document.
     */
    static Optional<List<PolicyStatement>> statements(Expr value, SourceLocation at, Session session) {
        Expr doc = JsonExprs.decode(value).orElse(value);
        if (!(doc instanceof Expr.MapExpr map) || !map.entries().containsKey("Statement")) {
            return Optional.empty();
        }
        Expr statementValue = map.entries().get("Statement");
        List<Expr> items = statementValue instanceof Expr.ListExpr l ? l.items() : List.of(statementValue);
        List<PolicyStatement> statements = new ArrayList<>();
        for (Expr item : items) {
            if (!(item instanceof Expr.MapExpr statement)) {
                return Optional.empty();
            }
            Map<String, Expr> e = statement.entries();
            String effect = Optional.ofNullable(e.get("Effect")).flatMap(Expr::asString).orElse("");
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                session.problem(at, "a policy statement's Effect must be \"Allow\" or \"Deny\"; found "
                        + Optional.ofNullable(e.get("Effect")).map(Expr::toString).orElse("none"));
            }
            boolean notAction = e.containsKey("NotAction");
            boolean notResource = e.containsKey("NotResource");
            statements.add(new PolicyStatement(Optional.ofNullable(e.get("Sid")).flatMap(Expr::asString),
                    !"Deny".equals(effect), items(Optional.ofNullable(e.get(notAction ? "NotAction" : "Action"))),
                    notAction, items(Optional.ofNullable(e.get(notResource ? "NotResource" : "Resource"))),
                    notResource, Optional.ofNullable(e.get("Condition")), at));
        }
        return Optional.of(statements);
    }

    /** The trusted principals of an assume-role document value ({@code Principal.Service} and the like). */
    static List<Expr> principals(Expr value) {
        Expr doc = JsonExprs.decode(value).orElse(value);
        List<Expr> principals = new ArrayList<>();
        if (!(doc instanceof Expr.MapExpr map) || !map.entries().containsKey("Statement")) {
            return principals;
        }
        Expr statementValue = map.entries().get("Statement");
        for (Expr item : statementValue instanceof Expr.ListExpr l ? l.items() : List.of(statementValue)) {
            if (item instanceof Expr.MapExpr s && s.entries().get("Principal") instanceof Expr.MapExpr p) {
                p.entries().values().forEach(v -> principals.addAll(items(Optional.of(v))));
            }
        }
        return principals;
    }

    private static List<Expr> items(Optional<Expr> value) {
        if (value.isEmpty()) {
            return List.of();
        }
        return value.get() instanceof Expr.ListExpr l ? l.items() : List.of(value.get());
    }
}

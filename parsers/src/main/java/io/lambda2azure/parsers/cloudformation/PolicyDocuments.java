package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.identity.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads IAM policy documents ({@code Version} and {@code Statement}) into statements. */
final class PolicyDocuments {

    private PolicyDocuments() {
    }

    static List<PolicyStatement> statements(Node document, Intrinsics intrinsics, Problems problems) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (!(document instanceof Node.Mapping doc) || Intrinsics.isIntrinsic(document)) {
            return statements;
        }
        Node statementNode = doc.get("Statement");
        if (statementNode == null) {
            return statements; // grants nothing; IAM itself rejects it at deployment
        }
        List<Node> items = statementNode instanceof Node.Sequence seq ? seq.items() : List.of(statementNode);
        for (Node item : items) {
            if (!(item instanceof Node.Mapping statement) || Intrinsics.isIntrinsic(item)) {
                continue; // an !If between statements stays in the raw policy; nothing more to read here
            }
            String effect = statement.get("Effect") instanceof Node.Scalar s ? s.text() : "";
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                problems.add(statement.location(), "a policy statement's Effect must be Allow or Deny; found '"
                        + effect + "'");
            }
            boolean notAction = statement.get("NotAction") != null;
            boolean notResource = statement.get("NotResource") != null;
            statements.add(new PolicyStatement(
                    Optional.ofNullable(statement.get("Sid") instanceof Node.Scalar s ? s.text() : null),
                    !"Deny".equals(effect),
                    items(statement.get(notAction ? "NotAction" : "Action"), intrinsics),
                    notAction,
                    items(statement.get(notResource ? "NotResource" : "Resource"), intrinsics),
                    notResource,
                    Optional.ofNullable(statement.get("Condition")).map(intrinsics::expr),
                    statement.location()));
        }
        return statements;
    }

    /** Trusted service principals of an assume-role policy ({@code Principal.Service}). */
    static List<Expr> trustedPrincipals(Node document, Intrinsics intrinsics) {
        List<Expr> principals = new ArrayList<>();
        if (!(document instanceof Node.Mapping doc) || !(doc.get("Statement") != null)) {
            return principals;
        }
        Node statementNode = doc.get("Statement");
        List<Node> items = statementNode instanceof Node.Sequence seq ? seq.items() : List.of(statementNode);
        for (Node item : items) {
            if (item instanceof Node.Mapping statement && statement.get("Principal") instanceof Node.Mapping principal) {
                principal.entries().values().forEach(value -> principals.addAll(items(value, intrinsics)));
            }
        }
        return principals;
    }

    private static List<Expr> items(Node node, Intrinsics intrinsics) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof Node.Sequence seq) {
            return seq.items().stream().map(intrinsics::expr).toList();
        }
        return List.of(intrinsics.expr(node));
    }
}

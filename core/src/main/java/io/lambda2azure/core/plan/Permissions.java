package io.lambda2azure.core.plan;

import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IAM permissions as role assignments of the function app's identity: SAM policy templates, inline statements,
 * the execution role's statements and the policies attached to it. A permission becomes a least-privilege data
 * role scoped to the generated counterpart of the resource it names; one that names no generated resource
 * (a wildcard, an outside ARN, a condition) becomes a deviation instead. Never Owner or Contributor at
 * resource-group scope.
 */
final class Permissions {

    /** A SAM policy template: the access it grants, on what, named by which parameter (docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html). */
    private record Template(AppWiring.Access access, Services.Kind kind, String parameter) {
    }

    private static final Map<String, Template> TEMPLATES = Map.ofEntries(
            Map.entry("SQSPollerPolicy", new Template(AppWiring.Access.RECEIVE, Services.Kind.QUEUE, "QueueName")),
            Map.entry("SQSSendMessagePolicy", new Template(AppWiring.Access.SEND, Services.Kind.QUEUE, "QueueName")),
            Map.entry("SNSPublishMessagePolicy", new Template(AppWiring.Access.SEND, Services.Kind.TOPIC, "TopicName")),
            Map.entry("SNSCrudPolicy", new Template(AppWiring.Access.OWNER, Services.Kind.TOPIC, "TopicName")),
            Map.entry("S3ReadPolicy", new Template(AppWiring.Access.READ, Services.Kind.BUCKET, "BucketName")),
            Map.entry("S3WritePolicy", new Template(AppWiring.Access.WRITE, Services.Kind.BUCKET, "BucketName")),
            Map.entry("S3CrudPolicy", new Template(AppWiring.Access.WRITE, Services.Kind.BUCKET, "BucketName")),
            Map.entry("S3FullAccessPolicy", new Template(AppWiring.Access.WRITE, Services.Kind.BUCKET, "BucketName")),
            Map.entry("DynamoDBReadPolicy", new Template(AppWiring.Access.READ, Services.Kind.TABLE, "TableName")),
            Map.entry("DynamoDBCrudPolicy", new Template(AppWiring.Access.WRITE, Services.Kind.TABLE, "TableName")),
            Map.entry("DynamoDBWritePolicy", new Template(AppWiring.Access.WRITE, Services.Kind.TABLE, "TableName")),
            Map.entry("DynamoDBStreamReadPolicy", new Template(AppWiring.Access.READ, Services.Kind.TABLE, "TableName")),
            Map.entry("KinesisStreamReadPolicy", new Template(AppWiring.Access.RECEIVE, Services.Kind.STREAM, "StreamName")),
            Map.entry("KinesisCrudPolicy", new Template(AppWiring.Access.OWNER, Services.Kind.STREAM, "StreamName")),
            Map.entry("EventBridgePutEventsPolicy", new Template(AppWiring.Access.SEND, Services.Kind.EVENT_BUS, "EventBusName")),
            Map.entry("AWSSecretsManagerGetSecretValuePolicy", new Template(AppWiring.Access.READ, Services.Kind.SECRET, "SecretArn")));

    /** Templates and services whose permissions the host's own roles and settings already cover. */
    private static final Set<String> COVERED_TEMPLATES = Set.of("CloudWatchPutMetricPolicy", "AWSXrayWriteOnlyAccess",
            "VPCAccessPolicy", "KMSDecryptPolicy", "CloudWatchLogsFullAccess");
    private static final Set<String> COVERED_SERVICES = Set.of("logs", "xray", "cloudwatch", "kms", "ec2");
    /** AWS managed policies a Lambda gets for logs, networking and tracing. */
    private static final Set<String> COVERED_MANAGED = Set.of("AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole", "AWSXRayDaemonWriteAccess", "AWSXrayWriteOnlyAccess",
            "CloudWatchLambdaInsightsExecutionRolePolicy", "AWSLambdaSQSQueueExecutionRole",
            "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaMSKExecutionRole");

    private final PlanContext context;
    private final ServerlessApp app;

    Permissions(PlanContext context, ServerlessApp app) {
        this.context = context;
        this.app = app;
    }

    /** Grants the function app's identity what the function's policies and execution role allowed. */
    void apply(Function f, AppWiring wiring, String appSymbol) {
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(appSymbol));
        for (FunctionPolicy policy : f.policies()) {
            if (policy instanceof FunctionPolicy.PolicyTemplate t) {
                template(f, t, wiring, target);
            } else if (policy instanceof FunctionPolicy.InlineStatements s) {
                s.statements().forEach(st -> statement(f, st, wiring, target));
            } else if (policy instanceof FunctionPolicy.ManagedPolicy m) {
                managed(f, m.arnOrName(), m.location(), wiring, target);
            } else if (policy instanceof FunctionPolicy.Symbolic s) {
                context.deviation(DeviationCatalog.PERMISSION_STATEMENT, "the policies " + s.value() + " of "
                        + f.logicalId() + " are chosen at deployment; assign roles for them by hand", s.location(), target);
            }
        }
        f.role().ifPresent(r -> role(f, r, wiring, target));
    }

    private void role(Function f, Expr roleRef, AppWiring wiring, Optional<Deviation.Target> target) {
        String id = roleRef instanceof Expr.AttributeRef a ? a.logicalId()
                : roleRef instanceof Expr.ResourceRef r ? r.logicalId() : null;
        Optional<Role> role = id == null ? Optional.empty()
                : app.roles().stream().filter(r -> r.logicalId().equals(id)).findFirst();
        if (role.isEmpty()) {
            context.deviation(DeviationCatalog.PERMISSIONS_NOT_MAPPED, "the execution role " + roleRef + " of "
                    + f.logicalId() + " is defined outside the template", f.locationOf("Role"), target);
            return;
        }
        for (Expr managed : role.get().managedPolicies()) {
            managed(f, managed, role.get().location(), wiring, target);
        }
        role.get().statements().forEach(s -> statement(f, s, wiring, target));
        for (ManagedPolicyResource p : app.policies()) {
            boolean attached = p.roles().stream().anyMatch(r -> r instanceof Expr.ResourceRef ref
                    && ref.logicalId().equals(id));
            if (attached) {
                p.statements().forEach(s -> statement(f, s, wiring, target));
            }
        }
    }

    private void template(Function f, FunctionPolicy.PolicyTemplate t, AppWiring wiring,
                          Optional<Deviation.Target> target) {
        if (COVERED_TEMPLATES.contains(t.name())) {
            return;
        }
        Template known = TEMPLATES.get(t.name());
        if (known == null) {
            context.deviation(DeviationCatalog.PERMISSION_STATEMENT, "policy template " + t.name() + " of "
                    + f.logicalId() + " has no role mapping", t.location(), target);
            return;
        }
        Expr named = t.parameters() instanceof Expr.MapExpr m ? m.entries().get(known.parameter()) : null;
        Optional<Services.Counterpart> resource = Optional.ofNullable(named).flatMap(wiring::resolve)
                .filter(c -> c.kind() == known.kind());
        if (resource.isEmpty()) {
            context.deviation(DeviationCatalog.PERMISSION_STATEMENT, t.name() + " of " + f.logicalId() + " names "
                    + (named == null ? "no " + known.parameter() : named) + ", which has no generated counterpart",
                    t.location(), target);
            return;
        }
        wiring.grant(resource.get(), known.access(), t.location(), t.name() + " of " + f.logicalId() + ".");
    }

    private void managed(Function f, Expr policy, SourceLocation at, AppWiring wiring,
                         Optional<Deviation.Target> target) {
        String name = policy.asString().map(s -> s.substring(s.lastIndexOf('/') + 1)).orElse("");
        if (COVERED_MANAGED.contains(name)) {
            return;
        }
        context.deviation(DeviationCatalog.PERMISSION_STATEMENT, "managed policy " + policy + " of " + f.logicalId()
                + " grants access to whole services; assign least-privilege roles on the resources the code uses", at,
                target);
    }

    private void statement(Function f, PolicyStatement s, AppWiring wiring, Optional<Deviation.Target> target) {
        if (!s.allow()) {
            context.deviation(DeviationCatalog.PERMISSION_STATEMENT, "a Deny statement of " + f.logicalId()
                    + " is not carried over: Azure RBAC grants only what is assigned", s.location(), target);
            return;
        }
        if (s.notAction() || s.notResource() || s.condition().isPresent()) {
            context.deviation(DeviationCatalog.PERMISSION_STATEMENT, "a statement of " + f.logicalId() + " uses "
                    + (s.condition().isPresent() ? "conditions" : "NotAction or NotResource")
                    + ", which role assignments cannot express", s.location(), target);
            return;
        }
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (Expr action : s.actions()) {
            Optional<String> text = action.asString();
            if (text.isEmpty()) {
                context.deviation(DeviationCatalog.PERMISSION_STATEMENT, "action " + action + " of " + f.logicalId()
                        + " is symbolic", s.location(), target);
                continue;
            }
            String[] parts = text.get().split(":", 2);
            byService.computeIfAbsent(parts[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(parts.length > 1 ? parts[1] : "*");
        }
        List<Services.Counterpart> resources = new ArrayList<>();
        for (Expr r : s.resources()) {
            wiring.resolve(r).ifPresent(c -> {
                if (!resources.contains(c)) {
                    resources.add(c);
                }
            });
        }
        byService.forEach((service, actions) -> {
            if (COVERED_SERVICES.contains(service)) {
                return;
            }
            Optional<Services.Kind> kind = kind(service);
            Optional<AppWiring.Access> access = kind.flatMap(k -> access(service, actions));
            List<Services.Counterpart> scoped = resources.stream()
                    .filter(c -> kind.isPresent() && (c.kind() == kind.get()
                            || (service.equals("sns") && c.kind() == Services.Kind.TOPIC)))
                    .toList();
            if (access.isEmpty() || scoped.isEmpty()) {
                context.deviation(DeviationCatalog.PERMISSION_STATEMENT, service + ":" + actions + " of "
                        + f.logicalId() + " on " + s.resources() + " has no generated resource to scope a role to",
                        s.location(), target);
                return;
            }
            for (Services.Counterpart c : scoped) {
                wiring.grant(c, access.get(), s.location(), service + ":" + String.join(", " + service + ":", actions)
                        + " of " + f.logicalId() + ".");
            }
        });
    }

    private static Optional<Services.Kind> kind(String service) {
        return Optional.ofNullable(switch (service) {
            case "sqs" -> Services.Kind.QUEUE;
            case "sns" -> Services.Kind.TOPIC;
            case "s3" -> Services.Kind.BUCKET;
            case "dynamodb" -> Services.Kind.TABLE;
            case "kinesis" -> Services.Kind.STREAM;
            case "events" -> Services.Kind.EVENT_BUS;
            case "secretsmanager" -> Services.Kind.SECRET;
            default -> null;
        });
    }

    /** The access a list of actions of one service needs: the strongest any of them needs. */
    private static Optional<AppWiring.Access> access(String service, List<String> actions) {
        AppWiring.Access strongest = null;
        for (String action : actions) {
            AppWiring.Access a = access(service, action);
            if (a == null) {
                return Optional.empty();
            }
            if (strongest == null || a.ordinal() > strongest.ordinal()) {
                strongest = a;
            }
        }
        return Optional.ofNullable(strongest);
    }

    private static AppWiring.Access access(String service, String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.equals("*")) {
            return service.equals("secretsmanager") ? null : AppWiring.Access.OWNER;
        }
        switch (service) {
            case "sqs":
                if (a.startsWith("sendmessage")) {
                    return AppWiring.Access.SEND;
                }
                if (a.startsWith("receivemessage") || a.startsWith("deletemessage") || a.startsWith("changemessagevisibility")
                        || a.startsWith("getqueue") || a.startsWith("listqueue")) {
                    return AppWiring.Access.RECEIVE;
                }
                return AppWiring.Access.OWNER;
            case "sns":
                return a.equals("publish") || a.equals("publishbatch") ? AppWiring.Access.SEND
                        : a.startsWith("get") || a.startsWith("list") ? AppWiring.Access.RECEIVE : AppWiring.Access.OWNER;
            case "s3":
                return a.startsWith("get") || a.startsWith("list") || a.startsWith("head") ? AppWiring.Access.READ
                        : AppWiring.Access.WRITE;
            case "dynamodb":
                return a.startsWith("get") || a.startsWith("batchget") || a.startsWith("query") || a.startsWith("scan")
                        || a.startsWith("describe") || a.startsWith("conditioncheck") || a.startsWith("list")
                        ? AppWiring.Access.READ : AppWiring.Access.WRITE;
            case "kinesis":
                return a.startsWith("put") ? AppWiring.Access.SEND
                        : a.startsWith("get") || a.startsWith("describe") || a.startsWith("list")
                        || a.startsWith("subscribetoshard") || a.startsWith("registerstreamconsumer")
                        ? AppWiring.Access.RECEIVE : AppWiring.Access.OWNER;
            case "events":
                return a.equals("putevents") ? AppWiring.Access.SEND : null;
            case "secretsmanager":
                return a.equals("getsecretvalue") || a.equals("describesecret") ? AppWiring.Access.READ : null;
            default:
                return null;
        }
    }
}

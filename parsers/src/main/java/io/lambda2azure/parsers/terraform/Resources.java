package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.resource.KeyAttribute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads each resource by its type into the model: functions, the resources functions depend on, and IAM.
 * Resources that only add to others (event source mappings, permissions, notifications, routes, policy
 * attachments) are read by {@link Linker} afterwards. A type not listed is kept as an unsupported
 * resource, never guessed.
 */
final class Resources {

    /** Types {@link Linker} reads, because they attach to something read here. */
    static final Set<String> LINKED = Set.of("aws_lambda_event_source_mapping", "aws_lambda_permission",
            "aws_lambda_function_url", "aws_lambda_alias", "aws_lambda_provisioned_concurrency_config",
            "aws_lambda_function_event_invoke_config", "aws_api_gateway_resource", "aws_api_gateway_method",
            "aws_api_gateway_integration", "aws_api_gateway_deployment", "aws_api_gateway_stage",
            "aws_apigatewayv2_route", "aws_apigatewayv2_integration", "aws_apigatewayv2_stage",
            "aws_apigatewayv2_deployment", "aws_sns_topic_subscription", "aws_s3_bucket_notification",
            "aws_cloudwatch_event_rule", "aws_cloudwatch_event_target", "aws_scheduler_schedule",
            "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_cognito_user_pool");

    /** Types that only refine a resource read here, read together with it. */
    static final Set<String> MERGED = Set.of("aws_s3_bucket_versioning", "aws_sqs_queue_redrive_policy",
            "aws_secretsmanager_secret_version", "aws_s3_bucket_lifecycle_configuration", "aws_api_gateway_authorizer",
            "aws_apigatewayv2_authorizer", "aws_api_gateway_usage_plan", "aws_api_gateway_usage_plan_key",
            "aws_api_gateway_api_key", "aws_s3_object", "aws_s3_bucket_object");

    private static final String NOT_A_PACKAGE = "S3 object that is not the package of a function or layer of this"
            + " configuration";
    /** Why a resource of {@link #MERGED} that nothing claimed is unsupported, where the general reason is vague. */
    static final Map<String, String> UNCLAIMED = Map.of("aws_s3_object", NOT_A_PACKAGE,
            "aws_s3_bucket_object", NOT_A_PACKAGE);

    /** Function arguments and the CloudFormation property names the planner locates deviations by. */
    private static final Map<String, String> FUNCTION_PROPERTIES = Map.ofEntries(
            Map.entry("function_name", "FunctionName"), Map.entry("description", "Description"),
            Map.entry("runtime", "Runtime"), Map.entry("handler", "Handler"), Map.entry("memory_size", "MemorySize"),
            Map.entry("timeout", "Timeout"), Map.entry("ephemeral_storage", "EphemeralStorage"),
            Map.entry("architectures", "Architectures"), Map.entry("environment", "Environment"),
            Map.entry("layers", "Layers"), Map.entry("vpc_config", "VpcConfig"),
            Map.entry("reserved_concurrent_executions", "ReservedConcurrentExecutions"),
            Map.entry("dead_letter_config", "DeadLetterQueue"), Map.entry("tracing_config", "Tracing"),
            Map.entry("role", "Role"), Map.entry("logging_config", "LoggingConfig"), Map.entry("tags", "Tags"),
            Map.entry("package_type", "PackageType"), Map.entry("image_uri", "ImageUri"),
            Map.entry("filename", "CodeUri"), Map.entry("s3_bucket", "CodeUri"));

    private final Model model;

    Resources(Model model) {
        this.model = model;
    }

    void read(Declared.Instance instance) {
        String type = instance.declared().type;
        if (LINKED.contains(type) || MERGED.contains(type)) {
            return;
        }
        switch (type) {
            case "aws_lambda_function" -> function(instance);
            case "aws_sqs_queue" -> queue(instance);
            case "aws_sns_topic" -> topic(instance);
            case "aws_s3_bucket" -> bucket(instance);
            case "aws_dynamodb_table" -> table(instance);
            case "aws_kinesis_stream" -> stream(instance);
            case "aws_cloudwatch_event_bus" -> eventBus(instance);
            case "aws_secretsmanager_secret" -> secret(instance);
            case "aws_ssm_parameter" -> ssmParameter(instance);
            case "aws_kms_key" -> kmsKey(instance);
            case "aws_cloudwatch_log_group" -> logGroup(instance);
            case "aws_api_gateway_rest_api" -> restApi(instance);
            case "aws_apigatewayv2_api" -> httpApi(instance);
            case "aws_lambda_layer_version" -> layer(instance);
            case "aws_iam_role" -> role(instance);
            case "aws_iam_policy" -> policy(instance);
            case "aws_sfn_state_machine" -> model.unsupported(instance, "Step Functions state machines have no"
                    + " generated Azure counterpart; consider Durable Functions orchestrations or Logic Apps");
            default -> model.unsupported(instance, "no mapping for " + type + " in this version of lambda2azure");
        }
    }

    // ---------------------------------------------------------------- functions

    private void function(Declared.Instance instance) {
        Attrs a = model.attrs(instance);
        FunctionDraft f = new FunctionDraft(instance.logicalId(), instance.declared().type, instance.condition(),
                instance.location());
        FUNCTION_PROPERTIES.forEach((argument, property) -> {
            if (a.has(argument) || a.hasBlock(argument)) {
                f.propertyLocations.putIfAbsent(property, a.location(argument));
            }
        });
        f.name = a.expr("function_name");
        if (f.name.isEmpty()) {
            model.session.problem(instance.location(), instance.declared().address() + " has no function_name;"
                    + " aws_lambda_function requires it");
        }
        f.description = a.expr("description");
        f.runtime = a.expr("runtime");
        f.handler = a.expr("handler");
        Optional<Expr> packageType = a.expr("package_type");
        Optional<Expr> imageConfig = a.block("image_config").map(Attrs::asCloudFormationMap);
        if (a.has("image_uri") || packageType.filter(Expr.string("Image")::equals).isPresent()) {
            f.code = Optional.of(new FunctionCode.ContainerImage(a.expr("image_uri"), imageConfig));
        } else if (a.has("filename")) {
            f.code = a.expr("filename").map(Paths::clean).map(FunctionCode.ZipArchive::new);
        } else if (a.has("s3_bucket")) {
            f.code = Optional.of(new FunctionCode.ZipArchive(s3Package(a)));
        }
        // A hash of the package only makes Terraform redeploy when the code changes.
        a.ignore("source_code_hash");
        f.publishes = a.expr("publish").filter(Resources::isTrue).isPresent();
        f.memorySize = a.expr("memory_size");
        f.timeout = a.expr("timeout");
        a.block("ephemeral_storage").ifPresent(e -> f.ephemeralStorage = e.expr("size"));
        f.architectures = a.expr("architectures");
        a.block("environment").ifPresent(e -> e.expr("variables").ifPresent(vars -> {
            if (vars instanceof Expr.MapExpr m) {
                f.environment.putAll(m.entries());
            } else {
                model.unmapped.add(new io.lambda2azure.core.model.UnmappedProperty(f.logicalId,
                        f.resourceType, "environment.variables", vars, e.location("variables")));
            }
        }));
        a.expr("layers").ifPresent(l -> f.layers.addAll(l instanceof Expr.ListExpr list ? list.items() : List.of(l)));
        f.vpc = a.block("vpc_config").map(v -> new VpcConfig(v.expr("subnet_ids"), v.expr("security_group_ids"),
                v.expr("ipv6_allowed_for_dual_stack")));
        // -1, the provider's default, means no reserved concurrency.
        f.reservedConcurrency = a.expr("reserved_concurrent_executions")
                .filter(r -> !(r instanceof Expr.NumberLiteral n && n.value().compareTo(BigDecimal.ONE.negate()) == 0));
        a.block("dead_letter_config").flatMap(d -> d.expr("target_arn"))
                .ifPresent(t -> f.deadLetter = Optional.of(new Destination(Optional.empty(), t)));
        a.block("tracing_config").ifPresent(t -> f.tracing = t.expr("mode"));
        f.role = a.expr("role");
        f.logging = a.block("logging_config").map(l -> new LoggingConfig(l.expr("log_format"),
                l.expr("application_log_level"), l.expr("system_log_level"), l.expr("log_group")));
        a.expr("tags").ifPresent(t -> {
            if (t instanceof Expr.MapExpr m) {
                f.tags.putAll(m.entries());
            }
        });
        model.functions.put(f.logicalId, f);
    }

    static boolean isTrue(Expr value) {
        return value instanceof Expr.BooleanLiteral b && b.value() || Expr.string("true").equals(value);
    }

    // ---------------------------------------------------------------- dependencies

    private void queue(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> redrive = a.expr("redrive_policy");
        for (Declared.Instance r : refining(i, "aws_sqs_queue_redrive_policy", "queue_url")) {
            Optional<Expr> policy = model.attrs(r).expr("redrive_policy");
            if (redrive.isEmpty()) {
                redrive = policy;
            }
        }
        model.dependencies.add(new DependencyResource.Queue(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), a.expr("fifo_queue"), a.expr("content_based_deduplication"),
                a.expr("visibility_timeout_seconds"), a.expr("message_retention_seconds"), a.expr("delay_seconds"),
                redrive, a.expr("kms_master_key_id"), i.location()));
    }

    private void topic(Declared.Instance i) {
        Attrs a = model.attrs(i);
        model.dependencies.add(new DependencyResource.Topic(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), a.expr("fifo_topic"), a.expr("kms_master_key_id"), i.location()));
    }

    private void bucket(Declared.Instance i) {
        Attrs a = model.attrs(i);
        // Emptying the bucket on destroy is how Terraform manages it, not what the bucket is.
        a.ignore("force_destroy");
        Optional<Expr> versioning = a.block("versioning").flatMap(v -> v.expr("enabled"))
                .map(enabled -> isTrue(enabled) ? Expr.string("Enabled") : enabled instanceof Expr.BooleanLiteral
                        ? Expr.string("Suspended") : enabled);
        for (Declared.Instance v : refining(i, "aws_s3_bucket_versioning", "bucket")) {
            Optional<Expr> status = model.attrs(v).block("versioning_configuration").flatMap(c -> c.expr("status"));
            if (versioning.isEmpty()) {
                versioning = status;
            }
        }
        // A lifecycle configuration belongs to the bucket; its rules have no model counterpart and are reported
        // as its unmapped properties.
        refining(i, "aws_s3_bucket_lifecycle_configuration", "bucket");
        model.dependencies.add(new DependencyResource.Bucket(i.logicalId(), i.declared().type, i.condition(),
                a.expr("bucket"), versioning, i.location()));
    }

    private void table(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Map<String, Expr> types = new LinkedHashMap<>();
        for (Attrs attribute : a.blocks("attribute")) {
            Optional<String> name = attribute.string("name");
            Optional<Expr> type = attribute.expr("type");
            if (name.isPresent() && type.isPresent()) {
                types.put(name.get(), type.get());
            }
        }
        List<KeyAttribute> key = new ArrayList<>();
        a.expr("hash_key").ifPresent(h -> key.add(new KeyAttribute(h,
                "HASH", h.asString().map(types::get))));
        a.expr("range_key").ifPresent(r -> key.add(new KeyAttribute(r,
                "RANGE", r.asString().map(types::get))));
        Optional<Expr> streamEnabled = a.expr("stream_enabled");
        Optional<Expr> streamView = a.expr("stream_view_type");
        if (streamEnabled.isPresent() && streamEnabled.get() instanceof Expr.BooleanLiteral b && !b.value()) {
            streamView = Optional.empty();
        }
        Optional<Expr> ttl = a.block("ttl").map(t -> {
            Map<String, Expr> spec = new LinkedHashMap<>();
            t.expr("attribute_name").ifPresent(v -> spec.put("AttributeName", v));
            t.expr("enabled").ifPresent(v -> spec.put("Enabled", v));
            return new Expr.MapExpr(spec);
        });
        model.dependencies.add(new DependencyResource.Table(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), key, a.expr("billing_mode"), streamView, ttl, i.location()));
    }

    private void stream(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> mode = a.block("stream_mode_details").flatMap(m -> m.expr("stream_mode"));
        Optional<Expr> encryption = Optional.empty();
        if (a.has("encryption_type")) {
            Map<String, Expr> spec = new LinkedHashMap<>();
            a.expr("encryption_type").ifPresent(v -> spec.put("EncryptionType", v));
            a.expr("kms_key_id").ifPresent(v -> spec.put("KeyId", v));
            encryption = Optional.of(new Expr.MapExpr(spec));
        }
        model.dependencies.add(new DependencyResource.Stream(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), a.expr("shard_count"), a.expr("retention_period"), mode, encryption, i.location()));
    }

    private void eventBus(Declared.Instance i) {
        Attrs a = model.attrs(i);
        model.dependencies.add(new DependencyResource.EventBus(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), i.location()));
    }

    private void secret(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> value = Optional.empty();
        for (Declared.Instance v : refining(i, "aws_secretsmanager_secret_version", "secret_id")) {
            Optional<Expr> string = model.attrs(v).expr("secret_string");
            if (value.isEmpty()) {
                value = string;
            }
        }
        model.dependencies.add(new DependencyResource.Secret(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), a.expr("description"), value, Optional.empty(), a.expr("kms_key_id"), i.location()));
    }

    private void ssmParameter(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> value = a.has("value") ? a.expr("value") : a.expr("insecure_value");
        model.dependencies.add(new DependencyResource.ConfigParameter(i.logicalId(), i.declared().type,
                i.condition(), a.expr("name"), a.expr("type"), value, a.expr("description"), i.location()));
    }

    private void kmsKey(Declared.Instance i) {
        Attrs a = model.attrs(i);
        model.dependencies.add(new DependencyResource.EncryptionKey(i.logicalId(), i.declared().type, i.condition(),
                a.expr("description"), a.expr("enable_key_rotation"), a.expr("policy"), i.location()));
    }

    private void logGroup(Declared.Instance i) {
        Attrs a = model.attrs(i);
        model.dependencies.add(new DependencyResource.LogGroup(i.logicalId(), i.declared().type, i.condition(),
                a.expr("name"), a.expr("retention_in_days"), a.expr("kms_key_id"), i.location()));
    }

    private void restApi(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> stage = stageName(i, "aws_api_gateway_stage", "rest_api_id", "stage_name");
        model.dependencies.add(new DependencyResource.Api(i.logicalId(), i.declared().type, i.condition(),
                HttpApiKind.REST_API, a.expr("name"), stage, Optional.empty(), Optional.empty(), a.expr("body"),
                Optional.empty(), i.location()));
    }

    private void httpApi(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<String> protocol = a.string("protocol_type");
        if (protocol.filter("WEBSOCKET"::equals).isPresent()) {
            model.unsupported(i, "WebSocket APIs have no generated Azure counterpart; consider Azure Web PubSub");
            return;
        }
        Optional<Expr> cors = a.block("cors_configuration").map(Attrs::asCloudFormationMap);
        Optional<Expr> stage = stageName(i, "aws_apigatewayv2_stage", "api_id", "name");
        model.dependencies.add(new DependencyResource.Api(i.logicalId(), i.declared().type, i.condition(),
                HttpApiKind.HTTP_API, a.expr("name"), stage, cors, Optional.empty(), a.expr("body"), Optional.empty(),
                i.location()));
    }

    /** The name of the (first) stage resource of an API, read with it. */
    private Optional<Expr> stageName(Declared.Instance api, String stageType, String apiArgument, String nameArgument) {
        for (Declared.Instance stage : refining(api, stageType, apiArgument)) {
            Optional<Expr> name = model.attrs(stage).expr(nameArgument);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /**
     * The package a function or layer loads from S3 ({@code s3_bucket}, {@code s3_key}): the local file an
     * {@code aws_s3_object} of the configuration uploads there ({@code source}), which is what the package is, as
     * SAM's {@code CodeUri} names the local folder it uploads; else the S3 location in CloudFormation's shape.
     */
    private Expr s3Package(Attrs a) {
        Optional<Declared.Instance> object = model.resourceOf(a.peek("s3_key"), "aws_s3_object")
                .or(() -> model.resourceOf(a.peek("s3_key"), "aws_s3_bucket_object")).flatMap(model::instance);
        Optional<Expr> source = object.map(model::attrs).filter(o -> o.has("source"))
                .flatMap(o -> o.expr("source")).map(Paths::clean);
        if (source.isPresent()) {
            Attrs o = model.attrs(object.get());
            o.expr("bucket");
            o.expr("key");
            // Hashes of the file only make Terraform upload it again when it changes.
            o.ignore("etag", "source_hash");
            a.expr("s3_bucket");
            a.expr("s3_key");
            a.expr("s3_object_version");
            model.claim(object.get().logicalId());
            return source.get();
        }
        Map<String, Expr> location = new LinkedHashMap<>();
        a.expr("s3_bucket").ifPresent(v -> location.put("S3Bucket", v));
        a.expr("s3_key").ifPresent(v -> location.put("S3Key", v));
        a.expr("s3_object_version").ifPresent(v -> location.put("S3ObjectVersion", v));
        return new Expr.MapExpr(location);
    }

    private void layer(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> content = a.has("filename") ? a.expr("filename").map(Paths::clean) : Optional.empty();
        if (content.isEmpty() && a.has("s3_bucket")) {
            content = Optional.of(s3Package(a));
        }
        a.ignore("source_code_hash");
        model.dependencies.add(new DependencyResource.Layer(i.logicalId(), i.declared().type, i.condition(),
                a.expr("layer_name"), content, a.expr("compatible_runtimes"), a.expr("compatible_architectures"),
                i.location()));
    }

    // ---------------------------------------------------------------- identity

    private void role(Declared.Instance i) {
        Attrs a = model.attrs(i);
        // The role becomes the function app's managed identity, named by the plan: its own name, path,
        // description and session settings have no bearing on it.
        a.ignore("name", "name_prefix", "path", "description", "max_session_duration", "force_detach_policies",
                "tags");
        Model.RoleDraft role = new Model.RoleDraft(i);
        a.raw("assume_role_policy").ifPresent(trust -> {
            Optional<Declared> doc = Policies.documentReference(trust.value(), i.declared().module);
            if (doc.isPresent()) {
                role.trusted.addAll(Policies.documentPrincipals(doc.get(), model.session.evaluator(doc.get().module)));
            } else {
                role.trusted.addAll(Policies.principals(a.evaluator().expr(trust.value())));
            }
        });
        a.expr("managed_policy_arns").ifPresent(m -> role.managed.addAll(m instanceof Expr.ListExpr l ? l.items()
                : List.of(m)));
        for (Attrs inline : a.blocks("inline_policy")) {
            inline.expr("name");
            Policies.read(inline, "policy").ifPresent(role.statements::addAll);
        }
        role.boundary = a.expr("permissions_boundary");
        model.roles.put(i.logicalId(), role);
    }

    private void policy(Declared.Instance i) {
        Attrs a = model.attrs(i);
        List<PolicyStatement> statements = Policies.read(a, "policy").orElse(List.of());
        model.policies.put(i.logicalId(), new Model.PolicyDraft(i, statements));
    }

    // ---------------------------------------------------------------- helpers

    /** The resources of a type whose {@code argument} refers to {@code target}, read as part of it. */
    private List<Declared.Instance> refining(Declared.Instance target, String type, String argument) {
        List<Declared.Instance> found = new ArrayList<>();
        for (Declared.Instance candidate : model.ofType(type)) {
            Attrs a = model.attrs(candidate);
            if (!a.has(argument)) {
                continue;
            }
            Expr value = model.session.quietly(() -> model.evaluator(candidate).expr(
                    candidate.declared().block.body().attribute(argument).orElseThrow().value()))
                    .orElse(new Expr.NullLiteral());
            if (References.of(value).contains(target.logicalId())) {
                a.expr(argument);
                model.claim(candidate.logicalId());
                found.add(candidate);
            }
        }
        return found;
    }
}

package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.parsers.hcl.Attribute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry module {@code terraform-aws-modules/lambda/aws}, the most common way Lambdas are declared in
 * Terraform, read as the function it creates. Like SAM, the module creates the execution role itself, so
 * its policy inputs are the function's policies: {@code policy_statements} and {@code policy_json} inline
 * statements (each statement's id is its key, as the module writes it), {@code policy} and
 * {@code policies} managed policies; each only when its {@code attach_*} switch is on. Its
 * {@code event_source_mapping} entries are events of the function (id: the entry's key in UpperCamel),
 * its {@code allowed_triggers} invoke permissions. Inputs that only shape how the module builds and
 * uploads the package are ignored; every other input not read is an unmapped property.
 */
final class LambdaModule {

    /** Inputs that only say how the package is built, stored or deployed. */
    private static final Set<String> BUILD_INPUTS = Set.of("source", "version", "providers", "count", "for_each",
            "depends_on", "create_package", "hash_extra", "artifacts_dir", "store_on_s3", "s3_bucket",
            "s3_prefix", "recreate_missing_package", "build_in_docker", "docker_image", "docker_file",
            "docker_build_root", "docker_pip_cache", "docker_with_ssh_agent", "docker_additional_options",
            "docker_entrypoint", "trigger_on_package_timestamp", "ignore_source_code_hash", "quiet_archive_local_exec",
            "create_role", "attach_cloudwatch_logs_policy", "attach_dead_letter_policy", "attach_network_policy",
            "attach_tracing_policy", "attach_async_event_policy", "attach_create_log_group_permission",
            "number_of_policies", "number_of_policy_jsons", "role_name", "role_description", "role_path",
            "role_force_detach_policies", "role_tags", "create_current_version_allowed_triggers",
            "create_unqualified_alias_allowed_triggers", "create_async_event_config",
            "create_current_version_async_event_config", "create_unqualified_alias_async_event_config",
            "create_sam_metadata", "skip_destroy");

    /** The module's event source mapping settings and the polling setting each is. */
    private static final Map<String, PollingSetting> POLLING = Map.ofEntries(
            Map.entry("batch_size", PollingSetting.BATCH_SIZE),
            Map.entry("maximum_batching_window_in_seconds", PollingSetting.MAXIMUM_BATCHING_WINDOW_IN_SECONDS),
            Map.entry("enabled", PollingSetting.ENABLED),
            Map.entry("starting_position", PollingSetting.STARTING_POSITION),
            Map.entry("starting_position_timestamp", PollingSetting.STARTING_POSITION_TIMESTAMP),
            Map.entry("maximum_retry_attempts", PollingSetting.MAXIMUM_RETRY_ATTEMPTS),
            Map.entry("maximum_record_age_in_seconds", PollingSetting.MAXIMUM_RECORD_AGE_IN_SECONDS),
            Map.entry("bisect_batch_on_function_error", PollingSetting.BISECT_BATCH_ON_FUNCTION_ERROR),
            Map.entry("parallelization_factor", PollingSetting.PARALLELIZATION_FACTOR),
            Map.entry("tumbling_window_in_seconds", PollingSetting.TUMBLING_WINDOW_IN_SECONDS),
            Map.entry("function_response_types", PollingSetting.FUNCTION_RESPONSE_TYPES));

    private static final Map<String, String> OUTPUTS = Map.of("lambda_function_arn", "Arn",
            "lambda_function_arn_static", "Arn", "lambda_function_invoke_arn", "InvokeArn",
            "lambda_function_qualified_arn", "QualifiedArn", "lambda_function_version", "Version");

    private final Model model;
    /** Allowed triggers per function, read with the other permissions. */
    private final Map<String, List<Trigger>> triggers = new LinkedHashMap<>();

    private record Trigger(String id, Declared.Instance instance, Expr value) {
    }

    LambdaModule(Model model) {
        this.model = model;
    }

    /** Whether a module source is {@code terraform-aws-modules/lambda/aws}, from the registry or GitHub. */
    static boolean isLambdaModule(String source) {
        String s = source.toLowerCase(Locale.ROOT).replaceFirst("^registry\\.terraform\\.io/", "")
                .replaceFirst("^git::", "").replaceFirst("^https://", "");
        return s.equals("terraform-aws-modules/lambda/aws") || s.startsWith("terraform-aws-modules/lambda/aws//")
                || s.startsWith("github.com/terraform-aws-modules/terraform-aws-lambda");
    }

    /** What an output of the module refers to, for the function with that id. */
    static Optional<Expr> output(String id, String output) {
        if ("lambda_function_name".equals(output)) {
            return Optional.of(new Expr.ResourceRef(id));
        }
        return Optional.ofNullable(OUTPUTS.get(output)).map(attribute -> new Expr.AttributeRef(id, attribute));
    }

    void read(Declared.Instance instance) {
        Attrs a = model.attrs(instance);
        a.ignore(BUILD_INPUTS.toArray(String[]::new));
        if (isFalse(a, "create") || isFalse(a, "create_function")) {
            a.ignore(names(instance).toArray(String[]::new));
            return; // the module creates no function
        }
        FunctionDraft f = new FunctionDraft(instance.logicalId(), instance.declared().type, instance.condition(),
                instance.location());
        f.name = a.expr("function_name");
        f.description = a.expr("description");
        f.runtime = a.expr("runtime");
        f.handler = a.expr("handler");
        code(a, f);
        f.memorySize = a.expr("memory_size");
        f.timeout = a.expr("timeout");
        f.ephemeralStorage = a.expr("ephemeral_storage_size");
        f.architectures = a.expr("architectures");
        a.expr("environment_variables").ifPresent(v -> {
            if (v instanceof Expr.MapExpr m) {
                f.environment.putAll(m.entries());
            }
        });
        a.expr("layers").ifPresent(l -> f.layers.addAll(l instanceof Expr.ListExpr list ? list.items() : List.of(l)));
        Optional<Expr> subnets = a.expr("vpc_subnet_ids");
        Optional<Expr> groups = a.expr("vpc_security_group_ids");
        if (subnets.isPresent() || groups.isPresent()) {
            f.vpc = Optional.of(new VpcConfig(subnets, groups, a.expr("ipv6_allowed_for_dual_stack")));
        }
        f.reservedConcurrency = minusOneIsUnset(a.expr("reserved_concurrent_executions"));
        f.provisionedConcurrency = minusOneIsUnset(a.expr("provisioned_concurrent_executions"));
        f.publishes = a.expr("publish").filter(Resources::isTrue).isPresent();
        a.expr("dead_letter_target_arn").ifPresent(t -> f.deadLetter = Optional.of(new Destination(Optional.empty(), t)));
        f.tracing = a.expr("tracing_mode");
        if (isFalse(a, "create_role")) {
            f.role = a.expr("lambda_role");
        }
        f.permissionsBoundary = a.expr("role_permissions_boundary");
        a.expr("tags").ifPresent(t -> {
            if (t instanceof Expr.MapExpr m) {
                f.tags.putAll(m.entries());
            }
        });
        policies(a, f);
        model.functions.put(f.logicalId, f);
        eventSourceMappings(instance, a, f);
        a.raw("allowed_triggers").ifPresent(raw -> {
            Expr value = a.evaluator().expr(raw.value());
            if (value instanceof Expr.MapExpr m) {
                m.entries().forEach((key, trigger) -> triggers.computeIfAbsent(f.logicalId, k -> new ArrayList<>())
                        .add(new Trigger(f.logicalId + Ids.upperCamel(key), instance, trigger)));
            } else {
                model.unmapped.add(new UnmappedProperty(f.logicalId, f.resourceType, "allowed_triggers", value,
                        raw.location()));
            }
        });
    }

    private List<String> names(Declared.Instance instance) {
        return instance.declared().block.body().attributes().stream().map(Attribute::name).toList();
    }

    private static boolean isFalse(Attrs a, String input) {
        return a.expr(input).filter(v -> v instanceof Expr.BooleanLiteral b && !b.value()
                || Expr.string("false").equals(v)).isPresent();
    }

    private static Optional<Expr> minusOneIsUnset(Optional<Expr> value) {
        return value.filter(v -> !(v instanceof Expr.NumberLiteral n && n.value().compareTo(BigDecimal.ONE.negate()) == 0));
    }

    private void code(Attrs a, FunctionDraft f) {
        Optional<Expr> packageType = a.expr("package_type");
        if (a.has("image_uri") || packageType.filter(Expr.string("Image")::equals).isPresent()) {
            Map<String, Expr> config = new LinkedHashMap<>();
            a.expr("image_config_command").ifPresent(v -> config.put("Command", v));
            a.expr("image_config_entry_point").ifPresent(v -> config.put("EntryPoint", v));
            a.expr("image_config_working_directory").ifPresent(v -> config.put("WorkingDirectory", v));
            f.code = Optional.of(new FunctionCode.ContainerImage(a.expr("image_uri"),
                    config.isEmpty() ? Optional.empty() : Optional.of(new Expr.MapExpr(config))));
        } else if (a.has("local_existing_package")) {
            f.code = a.expr("local_existing_package").map(Paths::clean).map(FunctionCode.ZipArchive::new);
        } else if (a.has("s3_existing_package")) {
            f.code = a.expr("s3_existing_package").map(v -> v instanceof Expr.MapExpr m ? new Expr.MapExpr(cfnCode(m))
                    : v).map(FunctionCode.ZipArchive::new);
        } else if (a.has("source_path")) {
            Optional<Expr> source = a.expr("source_path");
            f.code = source.map(s -> s instanceof Expr.MapExpr m && m.entries().containsKey("path")
                    ? m.entries().get("path") : s).map(Paths::clean).map(FunctionCode.ZipArchive::new);
        }
    }

    private static Map<String, Expr> cfnCode(Expr.MapExpr s3) {
        Map<String, Expr> location = new LinkedHashMap<>();
        Optional.ofNullable(s3.entries().get("bucket")).ifPresent(v -> location.put("S3Bucket", v));
        Optional.ofNullable(s3.entries().get("key")).ifPresent(v -> location.put("S3Key", v));
        Optional.ofNullable(s3.entries().get("version_id")).ifPresent(v -> location.put("S3ObjectVersion", v));
        return location;
    }

    private void policies(Attrs a, FunctionDraft f) {
        boolean statements = isTrue(a, "attach_policy_statements");
        boolean json = isTrue(a, "attach_policy_json");
        boolean jsons = isTrue(a, "attach_policy_jsons");
        boolean policy = isTrue(a, "attach_policy");
        boolean policies = isTrue(a, "attach_policies");
        if (json) {
            a.raw("policy_json").ifPresent(raw -> Policies.read(a, "policy_json").ifPresentOrElse(
                    s -> f.policies.add(new FunctionPolicy.InlineStatements(s, raw.location())),
                    () -> f.policies.add(new FunctionPolicy.Symbolic(a.evaluator().expr(raw.value()), raw.location()))));
        }
        if (jsons) {
            a.raw("policy_jsons").ifPresent(raw -> {
                Expr value = a.evaluator().expr(raw.value());
                for (Expr item : value instanceof Expr.ListExpr l ? l.items() : List.of(value)) {
                    Optional<List<PolicyStatement>> s = Policies.statements(item, raw.location(), model.session);
                    f.policies.add(s.<FunctionPolicy>map(x -> new FunctionPolicy.InlineStatements(x, raw.location()))
                            .orElseGet(() -> new FunctionPolicy.Symbolic(item, raw.location())));
                }
            });
        }
        if (statements) {
            a.raw("policy_statements").ifPresent(raw -> {
                Expr value = a.evaluator().expr(raw.value());
                if (value instanceof Expr.MapExpr m) {
                    List<PolicyStatement> read = new ArrayList<>();
                    m.entries().forEach((key, s) -> read.add(statement(key, s, raw)));
                    f.policies.add(new FunctionPolicy.InlineStatements(read, raw.location()));
                } else {
                    f.policies.add(new FunctionPolicy.Symbolic(value, raw.location()));
                }
            });
        }
        if (policy) {
            a.raw("policy").ifPresent(raw -> f.policies.add(new FunctionPolicy.ManagedPolicy(
                    a.evaluator().expr(raw.value()), raw.location())));
        }
        if (policies) {
            a.raw("policies").ifPresent(raw -> {
                Expr value = a.evaluator().expr(raw.value());
                for (Expr item : value instanceof Expr.ListExpr l ? l.items() : List.of(value)) {
                    f.policies.add(new FunctionPolicy.ManagedPolicy(item, raw.location()));
                }
            });
        }
        // Policies the module does not attach (their attach_* switch is off) are not part of the application.
        a.ignore("policy_json", "policy_jsons", "policy_statements", "policy", "policies");
    }

    private static boolean isTrue(Attrs a, String input) {
        return a.expr(input).filter(Resources::isTrue).isPresent();
    }

    /** One entry of {@code policy_statements}: the module names the statement after its key. */
    private PolicyStatement statement(String key, Expr value, Attribute at) {
        Map<String, Expr> s = value instanceof Expr.MapExpr m ? m.entries() : Map.of();
        String effect = Optional.ofNullable(s.get("effect")).flatMap(Expr::asString).orElse("Allow");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            model.session.problem(at.location(), "policy statement '" + key + "' has the effect \"" + effect
                    + "\"; expected \"Allow\" or \"Deny\"");
        }
        boolean notAction = s.containsKey("not_actions");
        boolean notResource = s.containsKey("not_resources");
        Optional<Expr> condition = Optional.ofNullable(s.get("condition")).map(LambdaModule::conditions);
        String sid = Optional.ofNullable(s.get("sid")).flatMap(Expr::asString)
                .orElse(key.replaceAll("[^0-9A-Za-z]", ""));
        return new PolicyStatement(Optional.of(sid), !"Deny".equals(effect),
                list(s.get(notAction ? "not_actions" : "actions")), notAction,
                list(s.get(notResource ? "not_resources" : "resources")), notResource, condition, at.location());
    }

    /** The module's {@code condition = {name = {test, variable, values}}} in CloudFormation's shape. */
    private static Expr conditions(Expr value) {
        if (!(value instanceof Expr.MapExpr m)) {
            return value;
        }
        Map<String, Map<String, Expr>> byTest = new LinkedHashMap<>();
        for (Expr c : m.entries().values()) {
            if (!(c instanceof Expr.MapExpr condition)) {
                return value;
            }
            String test = condition.entries().getOrDefault("test", Expr.string("")).asString().orElse("");
            String variable = condition.entries().getOrDefault("variable", Expr.string("")).asString().orElse("");
            byTest.computeIfAbsent(test, k -> new LinkedHashMap<>()).put(variable,
                    condition.entries().getOrDefault("values", new Expr.ListExpr(List.of())));
        }
        Map<String, Expr> result = new LinkedHashMap<>();
        byTest.forEach((test, entries) -> result.put(test, new Expr.MapExpr(entries)));
        return new Expr.MapExpr(result);
    }

    private static List<Expr> list(Expr value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof Expr.ListExpr l ? l.items() : List.of(value);
    }

    // ---------------------------------------------------------------- event source mappings

    private void eventSourceMappings(Declared.Instance instance, Attrs a, FunctionDraft f) {
        Optional<Attribute> raw = a.raw("event_source_mapping");
        if (raw.isEmpty()) {
            return;
        }
        Expr value = a.evaluator().expr(raw.get().value());
        if (!(value instanceof Expr.MapExpr mappings)) {
            model.unmapped.add(new UnmappedProperty(f.logicalId, f.resourceType, "event_source_mapping", value,
                    raw.get().location()));
            return;
        }
        mappings.entries().forEach((key, entry) -> {
            String path = "event_source_mapping." + key;
            if (!(entry instanceof Expr.MapExpr m)) {
                model.unmapped.add(new UnmappedProperty(f.logicalId, f.resourceType, path, entry, raw.get().location()));
                return;
            }
            Map<String, Expr> unread = new LinkedHashMap<>(m.entries());
            Optional<EventSource> event = mapping(Ids.upperCamel(key), instance, unread, raw.get());
            if (event.isEmpty()) {
                model.unmapped.add(new UnmappedProperty(f.logicalId, f.resourceType, path, entry, raw.get().location()));
                return;
            }
            f.events.add(event.get());
            unread.forEach((k, v) -> model.unmapped.add(new UnmappedProperty(f.logicalId, f.resourceType,
                    path + "." + k, v, raw.get().location())));
        });
    }

    /** One entry, its settings removed from {@code unread} as they are read. */
    private Optional<EventSource> mapping(String id, Declared.Instance instance, Map<String, Expr> unread,
                                          Attribute at) {
        Expr arn = unread.remove("event_source_arn");
        if (arn == null) {
            return Optional.empty();
        }
        String kind = null;
        for (String ref : References.of(arn)) {
            String type = model.typeOf(ref);
            kind = switch (type) {
                case "aws_sqs_queue" -> "queue";
                case "aws_dynamodb_table" -> "table";
                case "aws_kinesis_stream" -> "stream";
                default -> kind;
            };
        }
        String text = Linker.text(arn);
        if (kind == null && text != null) {
            kind = text.contains(":sqs:") ? "queue" : text.contains(":dynamodb:") ? "table"
                    : text.contains(":kinesis:") ? "stream" : null;
        }
        if (kind == null) {
            return Optional.empty();
        }
        Map<PollingSetting, Expr> values = new EnumMap<>(PollingSetting.class);
        POLLING.forEach((name, setting) -> {
            Expr v = unread.remove(name);
            if (v != null && !(v instanceof Expr.NullLiteral)) {
                values.put(setting, v);
            }
        });
        Expr scaling = unread.remove("scaling_config");
        if (scaling instanceof Expr.MapExpr s) {
            Map<String, Expr> cfn = new HashMap<>();
            s.entries().forEach((k, v) -> cfn.put(Ids.upperCamel(k), v));
            values.put(PollingSetting.MAXIMUM_CONCURRENCY, new Expr.MapExpr(cfn));
        }
        Expr failure = unread.remove("destination_arn_on_failure");
        if (failure != null) {
            values.put(PollingSetting.ON_FAILURE_DESTINATION,
                    new Expr.MapExpr(Map.of("OnFailure", new Expr.MapExpr(Map.of("Destination", failure)))));
        }
        Expr filter = unread.remove("filter_criteria");
        if (filter != null) {
            List<Expr> filters = new ArrayList<>();
            for (Expr item : filter instanceof Expr.ListExpr l ? l.items() : List.of(filter)) {
                if (item instanceof Expr.MapExpr f && f.entries().containsKey("pattern")) {
                    filters.add(new Expr.MapExpr(Map.of("Pattern", f.entries().get("pattern"))));
                }
            }
            values.put(PollingSetting.FILTER_CRITERIA, new Expr.MapExpr(Map.of("Filters", new Expr.ListExpr(filters))));
        }
        PollingSettings settings = new PollingSettings(values);
        EventOrigin origin = EventOrigin.EVENT_SOURCE_MAPPING;
        return Optional.of(switch (kind) {
            case "queue" -> new EventSource.Queue(id, origin, instance.condition(), arn, settings, at.location());
            case "table" -> new EventSource.TableStream(id, origin, instance.condition(), arn, settings, at.location());
            default -> new EventSource.Stream(id, origin, instance.condition(), arn, settings, at.location());
        });
    }

    // ---------------------------------------------------------------- allowed triggers

    /** The module's allowed triggers, linked like {@code aws_lambda_permission}s. */
    void permissions(Linker linker) {
        Map<String, List<EventSource>> declared = new HashMap<>();
        model.functions.forEach((id, f) -> declared.put(id, List.copyOf(f.events)));
        triggers.forEach((function, list) -> {
            for (Trigger t : list) {
                Map<String, Expr> entry = t.value() instanceof Expr.MapExpr m ? m.entries() : Map.of();
                Expr principal = Optional.ofNullable(entry.get("principal")).orElseGet(() ->
                        Optional.ofNullable(entry.get("service")).flatMap(Expr::asString)
                                .<Expr>map(s -> Expr.string(s + ".amazonaws.com")).orElse(Expr.string("")));
                String action = Optional.ofNullable(entry.get("action")).flatMap(Expr::asString)
                        .orElse("lambda:InvokeFunction");
                linker.permission(t.id(), t.instance().condition(), t.instance().location(), function, action,
                        principal, Optional.ofNullable(entry.get("source_arn")),
                        Optional.ofNullable(entry.get("source_account")), Optional.ofNullable(entry.get("event_source_token")),
                        Optional.empty(), declared).ifPresent(reason -> model.unsupported(t.id(), "allowed_triggers",
                        reason, List.of(), t.instance().location()));
            }
        });
    }
}

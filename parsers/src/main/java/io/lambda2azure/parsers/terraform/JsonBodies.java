package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.parsers.hcl.Attribute;
import io.lambda2azure.parsers.hcl.Block;
import io.lambda2azure.parsers.hcl.Body;
import io.lambda2azure.parsers.hcl.BodyItem;
import io.lambda2azure.parsers.hcl.Expression;
import io.lambda2azure.parsers.hcl.HclJson;
import io.lambda2azure.parsers.hcl.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's JSON syntax ({@code .tf.json}) read into the same syntax tree as native syntax, so that one
 * reader serves both. In JSON, whether a property is an attribute or a block depends on the schema of the
 * body it is in: the top-level block types and their labels are Terraform's own; inside resources, data
 * sources and nested blocks, the block types are those this reader reads (every other property is read as
 * an attribute, which is how HCL's JSON syntax treats a property its schema does not name as a block).
 * Strings are templates, as the JSON syntax specifies; {@code "//"} properties are comments.
 */
final class JsonBodies {

    /** Top-level block types and how many labels each has. */
    private static final Map<String, Integer> TOP_LEVEL = Map.ofEntries(Map.entry("terraform", 0),
            Map.entry("provider", 1), Map.entry("variable", 1), Map.entry("locals", 0), Map.entry("output", 1),
            Map.entry("resource", 2), Map.entry("data", 2), Map.entry("module", 1), Map.entry("moved", 0),
            Map.entry("import", 0), Map.entry("removed", 0), Map.entry("check", 1));

    /** Blocks every resource and data source may have (Terraform's meta-arguments written as blocks). */
    private static final Set<String> META_BLOCKS = Set.of("lifecycle", "timeouts", "connection");

    /**
     * The nested block types of each body this reader reads, by resource type, data source type
     * ({@code data.<type>}), top-level block type, or enclosing block type.
     */
    private static final Map<String, Set<String>> BLOCKS = Map.ofEntries(
            Map.entry("aws_lambda_function", Set.of("environment", "vpc_config", "dead_letter_config",
                    "tracing_config", "ephemeral_storage", "logging_config", "image_config", "file_system_config",
                    "snap_start")),
            Map.entry("aws_lambda_event_source_mapping", Set.of("filter_criteria", "destination_config",
                    "scaling_config", "self_managed_event_source", "self_managed_kafka_event_source_config",
                    "amazon_managed_kafka_event_source_config", "source_access_configuration",
                    "document_db_event_source_config", "metrics_config", "provisioned_poller_config")),
            Map.entry("filter_criteria", Set.of("filter")),
            Map.entry("destination_config", Set.of("on_success", "on_failure")),
            Map.entry("aws_lambda_function_url", Set.of("cors")),
            Map.entry("aws_lambda_alias", Set.of("routing_config")),
            Map.entry("aws_lambda_function_event_invoke_config", Set.of("destination_config")),
            Map.entry("aws_s3_bucket_notification", Set.of("lambda_function", "queue", "topic")),
            Map.entry("aws_s3_bucket", Set.of("versioning", "lifecycle_rule", "server_side_encryption_configuration",
                    "website", "cors_rule", "logging", "grant", "replication_configuration", "object_lock_configuration")),
            Map.entry("aws_s3_bucket_versioning", Set.of("versioning_configuration")),
            Map.entry("aws_s3_bucket_lifecycle_configuration", Set.of("rule")),
            Map.entry("rule", Set.of("filter", "expiration", "transition", "noncurrent_version_expiration",
                    "noncurrent_version_transition", "abort_incomplete_multipart_upload")),
            Map.entry("aws_dynamodb_table", Set.of("attribute", "ttl", "global_secondary_index",
                    "local_secondary_index", "point_in_time_recovery", "server_side_encryption", "replica",
                    "import_table")),
            Map.entry("aws_kinesis_stream", Set.of("stream_mode_details")),
            Map.entry("aws_apigatewayv2_api", Set.of("cors_configuration")),
            Map.entry("aws_apigatewayv2_stage", Set.of("default_route_settings", "route_settings",
                    "access_log_settings")),
            Map.entry("aws_api_gateway_rest_api", Set.of("endpoint_configuration")),
            Map.entry("aws_api_gateway_stage", Set.of("access_log_settings", "canary_settings")),
            Map.entry("aws_scheduler_schedule", Set.of("flexible_time_window", "target")),
            Map.entry("target", Set.of("dead_letter_config", "retry_policy", "ecs_parameters",
                    "eventbridge_parameters", "kinesis_parameters", "sagemaker_pipeline_parameters",
                    "sqs_parameters")),
            Map.entry("aws_cloudwatch_event_target", Set.of("input_transformer", "dead_letter_config",
                    "retry_policy", "sqs_target", "http_target", "run_command_targets", "ecs_target",
                    "batch_target", "kinesis_target")),
            Map.entry("aws_iam_role", Set.of("inline_policy")),
            Map.entry("aws_sqs_queue", Set.of()),
            Map.entry("data.aws_iam_policy_document", Set.of("statement")),
            Map.entry("statement", Set.of("principals", "not_principals", "condition")),
            Map.entry("variable", Set.of("validation")),
            Map.entry("terraform", Set.of("required_providers", "backend", "cloud")),
            Map.entry("provider", Set.of("assume_role", "default_tags", "endpoints", "ignore_tags")));

    /** Labels of nested blocks that have some. */
    private static final Map<String, Integer> NESTED_LABELS = Map.of("backend", 1, "provisioner", 1);

    private final String file;
    private final List<Problem> problems;

    private JsonBodies(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** A {@code .tf.json} file's root object as a configuration body. */
    static Body configuration(String file, JsonValue root) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        if (!(root instanceof JsonValue.Obj object)) {
            throw new InvalidInputException(root.location(), "a .tf.json file must hold a JSON object of"
                    + " block types (resource, variable, ...); found " + describe(root));
        }
        JsonBodies reader = new JsonBodies(file, problems);
        List<BodyItem> items = new ArrayList<>();
        for (JsonValue.Member member : object.members()) {
            if ("//".equals(member.name())) {
                continue;
            }
            Integer labels = TOP_LEVEL.get(member.name());
            if (labels == null) {
                problems.add(new Problem(member.location(), "unknown top-level property '" + member.name()
                        + "'; expected a block type: " + String.join(", ", TOP_LEVEL.keySet().stream().sorted()
                        .toList())));
                continue;
            }
            reader.blocks(member, labels, new ArrayList<>(), member.name(), items);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Body(items, object.span());
    }

    /**
     * The blocks a property holds: after {@code labels} levels of objects keyed by label, an object (one
     * block) or an array of objects (several).
     */
    private void blocks(JsonValue.Member member, int labels, List<Block.Label> prefix, String type,
                        List<BodyItem> into) {
        blocks(member, member.value(), labels, prefix, type, into);
    }

    private void blocks(JsonValue.Member member, JsonValue value, int labels, List<Block.Label> prefix, String type,
                        List<BodyItem> into) {
        if (value instanceof JsonValue.Arr array) {
            for (JsonValue item : array.items()) {
                blocks(member, item, labels, prefix, type, into);
            }
            return;
        }
        if (!(value instanceof JsonValue.Obj object)) {
            problems.add(new Problem(value.location(), "'" + member.name() + "' must be a JSON object"
                    + (labels > 0 ? " of block labels" : " holding the block's content") + "; found "
                    + describe(value)));
            return;
        }
        if (labels > 0) {
            for (JsonValue.Member labelled : object.members()) {
                if ("//".equals(labelled.name())) {
                    continue;
                }
                List<Block.Label> next = new ArrayList<>(prefix);
                next.add(new Block.Label(labelled.name(), true, labelled.nameSpan()));
                blocks(labelled, labelled.value(), labels - 1, next, type, into);
            }
            return;
        }
        String context = switch (type) {
            case "resource" -> prefix.isEmpty() ? type : prefix.get(0).value();
            case "data" -> prefix.isEmpty() ? type : "data." + prefix.get(0).value();
            default -> type;
        };
        boolean resourceLike = "resource".equals(type) || "data".equals(type);
        Block block = new Block(type, prefix, body(object, context, resourceLike),
                prefix.isEmpty() ? member.nameSpan() : prefix.get(prefix.size() - 1).span());
        into.add(block);
    }

    private Body body(JsonValue.Obj object, String context, boolean resourceLike) {
        Set<String> nested = BLOCKS.getOrDefault(context, Set.of());
        List<BodyItem> items = new ArrayList<>();
        for (JsonValue.Member member : object.members()) {
            String name = member.name();
            if ("//".equals(name)) {
                continue;
            }
            if (nested.contains(name) || resourceLike && (META_BLOCKS.contains(name) || "provisioner".equals(name))) {
                nestedBlocks(member, NESTED_LABELS.getOrDefault(name, 0), name, items);
                continue;
            }
            try {
                Expression value = HclJson.expression(file, member.value());
                items.add(new Attribute(name, value, member.nameSpan()));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        return new Body(items, object.span());
    }

    private void nestedBlocks(JsonValue.Member member, int labels, String type, List<BodyItem> into) {
        JsonValue value = member.value();
        if (value instanceof JsonValue.Arr array) {
            for (JsonValue item : array.items()) {
                nested(member, item, labels, new ArrayList<>(), type, into);
            }
        } else {
            nested(member, value, labels, new ArrayList<>(), type, into);
        }
    }

    private void nested(JsonValue.Member member, JsonValue value, int labels, List<Block.Label> prefix, String type,
                        List<BodyItem> into) {
        if (!(value instanceof JsonValue.Obj object)) {
            problems.add(new Problem(value.location(), "the block '" + member.name() + "' must be a JSON object"
                    + " or an array of objects; found " + describe(value)));
            return;
        }
        if (labels > 0) {
            for (JsonValue.Member labelled : object.members()) {
                List<Block.Label> next = new ArrayList<>(prefix);
                next.add(new Block.Label(labelled.name(), true, labelled.nameSpan()));
                nested(labelled, labelled.value(), labels - 1, next, type, into);
            }
            return;
        }
        into.add(new Block(type, prefix, body(object, type, false), member.nameSpan()));
    }

    static String describe(JsonValue value) {
        if (value instanceof JsonValue.Obj) {
            return "an object";
        }
        if (value instanceof JsonValue.Arr) {
            return "an array";
        }
        if (value instanceof JsonValue.Str s) {
            return "the string \"" + (s.value().length() > 40 ? s.value().substring(0, 37) + "..." : s.value()) + "\"";
        }
        if (value instanceof JsonValue.Num n) {
            return "the number " + n.value();
        }
        if (value instanceof JsonValue.Bool b) {
            return Boolean.toString(b.value());
        }
        return "null";
    }
}

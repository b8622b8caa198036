package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.model.Condition;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.core.expr.Expr.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terraform's language into the model: variables, locals, outputs, data sources, count and for_each,
 * expressions and functions, modules, and the problems of invalid configurations, each at its place.
 */
class TerraformSemanticsTest {

    @TempDir
    Path dir;
    TerraformFixture tf;

    @BeforeEach
    void fixture() {
        tf = new TerraformFixture(dir);
    }

    private static Expr num(long n) {
        return new Expr.NumberLiteral(BigDecimal.valueOf(n));
    }

    private SourceLocation at(String file, int line, int column) {
        return new SourceLocation(dir.resolve(file).toString(), line, column);
    }

    private static final String FUNCTION = """
            resource "aws_lambda_function" "f" {
              function_name = "f"
              role          = "arn:aws:iam::123456789012:role/f"
              environment {
                variables = {
                  VALUE = %s
                }
              }
            }
            """;

    /** The value of the environment variable VALUE of a function whose value is written as {@code hcl}. */
    private Expr value(String hcl, String... more) throws InvalidInputException {
        tf.files("main.tf", String.format(FUNCTION, hcl) + String.join("\n", more));
        return tf.read().functions().get(0).environment().get("VALUE");
    }

    // ---------------------------------------------------------------- variables and outputs

    @Test
    void variablesAreParametersNamedInUpperCamel() throws Exception {
        ServerlessApp app = tf.main("""
                variable "stage" {
                  type        = string
                  default     = "dev"
                  description = "The stage."
                  validation {
                    condition     = contains(["dev", "prod"], var.stage)
                    error_message = "dev or prod."
                  }
                }

                variable "api_key" {
                  type      = string
                  sensitive = true
                  validation {
                    condition     = length(var.api_key) >= 16 && length(var.api_key) <= 64
                    error_message = "16 to 64 characters."
                  }
                }

                variable "subnet_ids" {
                  type = list(string)
                }

                variable "replicas" {
                  default = 3
                  validation {
                    condition     = var.replicas > 0
                    error_message = "At least one."
                  }
                }

                variable "flags" {
                  type = map(bool)
                  validation {
                    condition     = alltrue(values(var.flags))
                    error_message = "All on."
                  }
                }
                """);
        assertThat(app.inputKind()).isEqualTo(InputKind.TERRAFORM);
        assertThat(app.source()).isEqualTo(dir.toString());
        assertThat(app.parameters()).containsExactly(
                new Parameter("Stage", "String", Optional.of(string("dev")), List.of(string("dev"), string("prod")),
                        Optional.of("The stage."), false, new Parameter.ParameterConstraints(Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("dev or prod.")), at("main.tf", 1, 1)),
                new Parameter("ApiKey", "String", Optional.empty(), List.of(), Optional.empty(), true,
                        new Parameter.ParameterConstraints(Optional.of(16L), Optional.of(64L), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.of("16 to 64 characters.")),
                        at("main.tf", 11, 1)),
                new Parameter("SubnetIds", "CommaDelimitedList", Optional.empty(), List.of(), Optional.empty(), false,
                        Parameter.ParameterConstraints.NONE, at("main.tf", 20, 1)),
                new Parameter("Replicas", "Number", Optional.of(num(3)), List.of(), Optional.empty(), false,
                        new Parameter.ParameterConstraints(Optional.empty(), Optional.empty(),
                                Optional.of(BigDecimal.ONE), Optional.empty(), Optional.empty(),
                                Optional.of("At least one.")), at("main.tf", 24, 1)),
                new Parameter("Flags", "map(bool)", Optional.empty(), List.of(), Optional.empty(), false,
                        Parameter.ParameterConstraints.NONE, at("main.tf", 32, 1)));
        // A validation the model has no constraint for is reported, not dropped.
        assertThat(app.unmappedProperties()).containsExactly(new UnmappedProperty("Flags", "variable", "validation",
                new Expr.Unknown("alltrue(values(var.flags))"), at("main.tf", 34, 3)));
    }

    @Test
    void outputsAreOutputs() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_sqs_queue" "jobs" {}

                output "jobs_url" {
                  description = "Where jobs go."
                  value       = aws_sqs_queue.jobs.url
                }
                """);
        assertThat(app.outputs()).containsExactly(new Output("JobsUrl", new Expr.ResourceRef("Jobs"),
                Optional.of("Where jobs go."), Optional.empty(), Optional.empty(), at("main.tf", 3, 1)));
    }

    // ---------------------------------------------------------------- references

    @Test
    void resourceAttributesAreReferencesToLogicalIds() throws Exception {
        String queue = "resource \"aws_sqs_queue\" \"orders_queue\" {}";
        assertThat(value("aws_sqs_queue.orders_queue.url", queue)).isEqualTo(new Expr.ResourceRef("OrdersQueue"));
        assertThat(value("aws_sqs_queue.orders_queue.id", queue)).isEqualTo(new Expr.ResourceRef("OrdersQueue"));
        assertThat(value("aws_sqs_queue.orders_queue.arn", queue))
                .isEqualTo(new Expr.AttributeRef("OrdersQueue", "Arn"));
        assertThat(value("aws_sqs_queue.orders_queue.name", queue))
                .isEqualTo(new Expr.AttributeRef("OrdersQueue", "QueueName"));
        assertThat(value("aws_sqs_queue.orders_queue.some_attribute", queue))
                .isEqualTo(new Expr.AttributeRef("OrdersQueue", "SomeAttribute"));
        assertThat(value("aws_lambda_function.f.invoke_arn")).isEqualTo(new Expr.AttributeRef("F", "InvokeArn"));
    }

    @Test
    void localsAreInlinedAndVariablesAreParameters() throws Exception {
        assertThat(value("local.greeting", """
                variable "name" {}
                locals {
                  prefix   = "hello"
                  greeting = "${local.prefix}, ${var.name}!"
                }
                """)).isEqualTo(new Expr.Interpolation(List.of(string("hello, "), new Expr.ParameterRef("Name"),
                string("!"))));
    }

    @Test
    void pseudoDataSourcesArePseudoParameters() throws Exception {
        String data = """
                data "aws_region" "current" {}
                data "aws_caller_identity" "me" {}
                data "aws_partition" "this" {}
                """;
        assertThat(value("\"arn:${data.aws_partition.this.partition}:sqs:${data.aws_region.current.name}:"
                + "${data.aws_caller_identity.me.account_id}:jobs\"", data)).isEqualTo(new Expr.Interpolation(List.of(
                string("arn:"), new Expr.PseudoRef(Pseudo.PARTITION), string(":sqs:"), new Expr.PseudoRef(Pseudo.REGION),
                string(":"), new Expr.PseudoRef(Pseudo.ACCOUNT_ID), string(":jobs"))));
        assertThat(value("data.aws_partition.this.dns_suffix", data)).isEqualTo(new Expr.PseudoRef(Pseudo.URL_SUFFIX));
        // Another data source is a lookup the model cannot resolve.
        assertThat(value("data.aws_vpc.main.id", "data \"aws_vpc\" \"main\" {}"))
                .isEqualTo(new Expr.Unknown("data.aws_vpc.main.id"));
    }

    @Test
    void conditionalsReferToNamedConditions() throws Exception {
        ServerlessApp app = tf.main(String.format(FUNCTION, "local.is_prod ? \"strict\" : \"relaxed\"") + """
                variable "stage" {}
                variable "verbose" { type = bool }
                locals {
                  is_prod = var.stage == "prod"
                }
                output "mode" {
                  value = var.verbose && var.stage != "dev" ? "debug" : "info"
                }
                output "known" {
                  value = "a" == "a" ? 1 : 2
                }
                """);
        assertThat(app.functions().get(0).environment().get("VALUE"))
                .isEqualTo(new Expr.Conditional("IsProd", string("strict"), string("relaxed")));
        assertThat(app.conditions()).containsExactly(
                new Condition("IsProd", new Expr.Equals(new Expr.ParameterRef("Stage"), string("prod")),
                        at("main.tf", 6, 15)),
                new Condition("Condition1", new Expr.And(List.of(
                        new Expr.Equals(new Expr.ParameterRef("Verbose"), string("true")),
                        new Expr.Not(new Expr.Equals(new Expr.ParameterRef("Stage"), string("dev"))))),
                        at("main.tf", 16, 11)));
        assertThat(app.outputs().get(0).value())
                .isEqualTo(new Expr.Conditional("Condition1", string("debug"), string("info")));
        assertThat(app.outputs().get(1).value()).isEqualTo(num(1));
    }

    @Test
    void functionsAreAppliedWhereTheirArgumentsAreKnown() throws Exception {
        String v = "variable \"stage\" {}";
        Expr stage = new Expr.ParameterRef("Stage");
        assertThat(value("jsonencode({ a = [1, true] })")).isEqualTo(new Expr.MapExpr(Map.of("a",
                new Expr.ListExpr(List.of(num(1), new Expr.BooleanLiteral(true))))));
        assertThat(value("format(\"orders-%s-%d%%\", var.stage, 5)", v))
                .isEqualTo(new Expr.Interpolation(List.of(string("orders-"), stage, string("-5%"))));
        assertThat(value("format(\"%08d\", 5)")).isEqualTo(new Expr.Unknown("format(\"%08d\", 5)"));
        assertThat(value("join(\",\", [\"a\", \"b\"])")).isEqualTo(string("a,b"));
        assertThat(value("join(\",\", [var.stage, \"b\"])", v))
                .isEqualTo(new Expr.Join(string(","), new Expr.ListExpr(List.of(stage, string("b")))));
        assertThat(value("lookup({ a = 1 }, \"b\", 2)")).isEqualTo(num(2));
        assertThat(value("lookup({ a = 1 }, var.stage)", v)).isEqualTo(new Expr.Unknown("lookup({ a = 1 }, var.stage)"));
        assertThat(value("merge({ a = 1, b = 1 }, { b = 2 })"))
                .isEqualTo(new Expr.MapExpr(Map.of("a", num(1), "b", num(2))));
        assertThat(value("concat([1], [2, 3])")).isEqualTo(new Expr.ListExpr(List.of(num(1), num(2), num(3))));
        assertThat(value("try(local.missing, \"fallback\")", "locals {\n  other = 1\n}"))
                .isEqualTo(string("fallback"));
        assertThat(value("coalesce(\"\", null, \"x\")")).isEqualTo(string("x"));
        assertThat(value("file(\"${path.module}/policy.json\")"))
                .isEqualTo(new Expr.Unknown("file(\"${path.module}/policy.json\")"));
        assertThat(value("templatefile(\"t.tpl\", { a = 1 })")).isEqualTo(new Expr.Unknown("templatefile(\"t.tpl\", { a = 1 })"));
        assertThat(value("filebase64sha256(\"f.zip\")")).isEqualTo(new Expr.Unknown("filebase64sha256(\"f.zip\")"));
        assertThat(value("[for s in [\"a\", \"b\"] : upper(s)]"))
                .isEqualTo(new Expr.ListExpr(List.of(string("A"), string("B"))));
        assertThat(value("{ for k, v in { a = 1 } : v => k }")).isEqualTo(new Expr.MapExpr(Map.of("1", string("a"))));
        assertThat(value("\"%{ if true }x%{ endif }\"")).isEqualTo(new Expr.Unknown("\"%{ if true }x%{ endif }\""));
        assertThat(value("1 + 2 * 3")).isEqualTo(num(7));
        assertThat(value("var.stage * 2", v)).isEqualTo(new Expr.Unknown("var.stage * 2"));
    }

    @Test
    void aTableOfLiteralsLookedUpWithAnUnknownKeyIsAMapping() throws Exception {
        ServerlessApp app = tf.main(String.format(FUNCTION, "local.sizing[var.stage].memory") + """
                variable "stage" {}
                locals {
                  sizing = {
                    dev  = { memory = 256 }
                    prod = { memory = 1024 }
                  }
                }
                output "known" {
                  value = local.sizing["prod"].memory
                }
                """);
        assertThat(app.functions().get(0).environment().get("VALUE")).isEqualTo(new Expr.FindInMap(string("Sizing"),
                new Expr.ParameterRef("Stage"), string("memory"), Optional.empty()));
        assertThat(app.mappings()).containsExactly(new io.lambda2azure.core.model.Mapping("Sizing", Map.of(
                "dev", Map.of("memory", num(256)), "prod", Map.of("memory", num(1024))), at("main.tf", 12, 3)));
        assertThat(app.outputs().get(0).value()).isEqualTo(num(1024));
    }

    // ---------------------------------------------------------------- count and for_each

    @Test
    void literalCountsAndForEachAreExpanded() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_sqs_queue" "shard" {
                  count = 2
                  name  = "shard-${count.index}"
                }

                resource "aws_sqs_queue" "queue" {
                  for_each = { orders = 30, "dead-letters" = 60 }
                  name                       = each.key
                  visibility_timeout_seconds = each.value
                }

                output "second" {
                  value = aws_sqs_queue.shard[1].arn
                }

                output "all" {
                  value = aws_sqs_queue.queue[*].url
                }
                """);
        assertThat(app.resources()).extracting(r -> r.logicalId())
                .containsExactly("Shard0", "Shard1", "QueueOrders", "QueueDeadLetters");
        assertThat(((io.lambda2azure.core.model.resource.DependencyResource.Queue) app.resources().get(1)).name())
                .contains(string("shard-1"));
        assertThat(((io.lambda2azure.core.model.resource.DependencyResource.Queue) app.resources().get(3))
                .visibilityTimeout()).contains(num(60));
        assertThat(app.outputs().get(0).value()).isEqualTo(new Expr.AttributeRef("Shard1", "Arn"));
        assertThat(app.outputs().get(1).value()).isEqualTo(new Expr.ListExpr(List.of(
                new Expr.ResourceRef("QueueOrders"), new Expr.ResourceRef("QueueDeadLetters"))));
    }

    @Test
    void aForEachOverAnotherResourceHasAnInstancePerInstanceOfIt() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_sqs_queue" "queue" {
                  for_each = toset(["orders", "refunds"])
                  name     = each.key
                }

                resource "aws_sqs_queue_redrive_policy" "queue" {
                  for_each  = aws_sqs_queue.queue
                  queue_url = each.value.url
                  redrive_policy = jsonencode({
                    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:${each.key}-dlq"
                    maxReceiveCount     = 5
                  })
                }

                resource "aws_sqs_queue" "copy" {
                  count = 2
                }

                resource "aws_sqs_queue" "of_count" {
                  for_each = aws_sqs_queue.copy
                }
                """);
        // Each redrive policy refines the queue instance with its key (each.value.url is QueueOrders' URL).
        assertThat(app.resources()).extracting(r -> r.logicalId()).containsExactly("QueueOrders", "QueueRefunds",
                "Copy0", "Copy1");
        assertThat(((io.lambda2azure.core.model.resource.DependencyResource.Queue) app.resources().get(1))
                .redrivePolicy()).hasValueSatisfying(p -> assertThat(p.toString()).contains("refunds-dlq"));
        assertThat(app.unsupportedResources()).extracting(UnsupportedResource::logicalId).containsExactly("OfCount");
    }

    @Test
    void aOneOrZeroCountMakesTheResourceConditional() throws Exception {
        ServerlessApp app = tf.main("""
                variable "with_queue" { type = bool }

                resource "aws_sqs_queue" "jobs" {
                  count = var.with_queue ? 1 : 0
                }

                resource "aws_sqs_queue" "fallback" {
                  count = var.with_queue ? 0 : 1
                }

                output "jobs" {
                  value = aws_sqs_queue.jobs[0].arn
                }
                """);
        assertThat(app.conditions()).containsExactly(
                new Condition("Condition1", new Expr.Equals(new Expr.ParameterRef("WithQueue"), string("true")),
                        at("main.tf", 4, 11)),
                new Condition("Condition2", new Expr.Not(new Expr.Equals(new Expr.ParameterRef("WithQueue"),
                        string("true"))), at("main.tf", 8, 3)));
        assertThat(app.resources()).extracting(r -> r.logicalId() + " " + r.condition().orElse(""))
                .containsExactly("Jobs Condition1", "Fallback Condition2");
        assertThat(app.outputs().get(0).value()).isEqualTo(new Expr.AttributeRef("Jobs", "Arn"));
    }

    @Test
    void countsKnownOnlyAtPlanTimeAreUnsupported() throws Exception {
        ServerlessApp app = tf.main("""
                variable "names" { type = list(string) }

                resource "aws_lambda_function" "worker" {
                  count         = length(var.names)
                  function_name = var.names[count.index]
                  role          = "arn:aws:iam::123456789012:role/worker"
                }

                resource "aws_sqs_queue" "per_name" {
                  for_each = toset(var.names)
                }
                """);
        assertThat(app.functions()).isEmpty();
        assertThat(app.unsupportedResources()).containsExactly(
                new UnsupportedResource("Worker", "aws_lambda_function", "aws_lambda_function.worker is not expanded:"
                        + " its count (length(var.names)) is only known when Terraform plans", List.of("Worker"),
                        at("main.tf", 3, 1)),
                new UnsupportedResource("PerName", "aws_sqs_queue", "aws_sqs_queue.per_name is not expanded: its"
                        + " for_each (toset(var.names)) is only known when Terraform plans", List.of(),
                        at("main.tf", 9, 1)));
    }

    @Test
    void countsAndForEachOverVariablesAreExpandedWithTheirDefaultsAndSaySo() throws Exception {
        ServerlessApp app = tf.main("""
                variable "functions" {
                  type = map(object({ handler = string, memory = optional(number, 128) }))
                  default = {
                    api    = { handler = "api.handler" }
                    worker = { handler = "worker.handler", memory = 512 }
                  }
                }

                variable "names" {
                  type    = list(string)
                  default = ["orders", "refunds", "orders"]
                }

                variable "timeout" {
                  type    = number
                  default = 30
                }

                locals {
                  queues = toset(var.names)
                }

                resource "aws_lambda_function" "fn" {
                  for_each      = var.functions
                  function_name = "shop-${each.key}"
                  handler       = each.value.handler
                  memory_size   = each.value.memory
                  timeout       = var.timeout
                  runtime       = "python3.12"
                  role          = "arn:aws:iam::123456789012:role/fn"
                }

                resource "aws_sqs_queue" "queue" {
                  for_each                   = local.queues
                  name                       = each.key
                  visibility_timeout_seconds = var.timeout
                }

                resource "aws_sqs_queue" "shard" {
                  count = length(var.names)
                }

                resource "aws_sqs_queue" "keyed" {
                  for_each = { a = var.timeout }
                  name     = each.key
                }
                """);
        assertThat(app.functions()).extracting(Function::logicalId).containsExactly("FnApi", "FnWorker");
        assertThat(app.functions().get(1).handler()).contains(string("worker.handler"));
        assertThat(app.functions().get(1).memorySize()).contains(num(512));
        // The default of an optional attribute of the variable's type fills in what the default leaves out.
        assertThat(app.functions().get(0).memorySize()).contains(num(128));
        // What does not decide the instances stays symbolic.
        assertThat(app.functions().get(1).timeout()).contains(new Expr.ParameterRef("Timeout"));
        assertThat(app.resources()).extracting(r -> r.logicalId()).containsExactly("QueueOrders", "QueueRefunds",
                "Shard0", "Shard1", "Shard2", "KeyedA");
        assertThat(app.unsupportedResources()).isEmpty();
        Expr functions = new Expr.ParameterRef("Functions");
        Expr names = new Expr.ParameterRef("Names");
        Expr length = new Expr.Unknown("length(var.names)");
        assertThat(app.unmappedProperties()).extracting(u -> List.of(u.resourceId(), u.path(), u.value(),
                u.location().line())).containsExactly(
                atDefaults("FnApi", "for_each", functions, 24), atDefaults("FnWorker", "for_each", functions, 24),
                atDefaults("QueueOrders", "for_each", names, 34), atDefaults("QueueRefunds", "for_each", names, 34),
                atDefaults("Shard0", "count", length, 40), atDefaults("Shard1", "count", length, 40),
                atDefaults("Shard2", "count", length, 40));
    }

    /** The property not carried over that says an instance came from the variables' defaults. */
    private static List<Object> atDefaults(String id, String argument, Expr value, int line) {
        return List.of(id, argument + " (expanded with the variables' defaults)", value, line);
    }

    // ---------------------------------------------------------------- data sources

    @Test
    void policyDocumentsAreStatementsAndArchivesCodeLocations() throws Exception {
        ServerlessApp app = tf.main("""
                data "archive_file" "code" {
                  type        = "zip"
                  source_dir  = "${path.module}/src/app"
                  output_path = "${path.module}/build/app.zip"
                }

                data "aws_iam_policy_document" "access" {
                  statement {
                    sid       = "Read"
                    actions   = ["sqs:ReceiveMessage"]
                    resources = [aws_sqs_queue.jobs.arn]
                    condition {
                      test     = "StringEquals"
                      variable = "aws:SourceAccount"
                      values   = ["123456789012"]
                    }
                  }
                  statement {
                    effect        = "Deny"
                    not_actions   = ["sqs:*"]
                    not_resources = ["*"]
                  }
                }

                resource "aws_sqs_queue" "jobs" {}

                resource "aws_iam_role" "worker" {
                  assume_role_policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
                  })
                }

                resource "aws_iam_role_policy" "access" {
                  role   = aws_iam_role.worker.id
                  policy = data.aws_iam_policy_document.access.json
                }

                resource "aws_lambda_function" "worker" {
                  function_name = "worker"
                  role          = aws_iam_role.worker.arn
                  filename      = data.archive_file.code.output_path
                }
                """);
        Function worker = app.functions().get(0);
        assertThat(worker.code()).contains(new FunctionCode.ZipArchive(string("src/app")));
        assertThat(worker.role()).contains(new Expr.AttributeRef("WorkerIamRole", "Arn"));
        assertThat(app.roles()).singleElement().satisfies(role -> {
            assertThat(role.logicalId()).isEqualTo("WorkerIamRole");
            assertThat(role.trustedPrincipals()).containsExactly(string("lambda.amazonaws.com"));
            assertThat(role.statements()).containsExactly(
                    new PolicyStatement(Optional.of("Read"), true, List.of(string("sqs:ReceiveMessage")), false,
                            List.of(new Expr.AttributeRef("Jobs", "Arn")), false, Optional.of(new Expr.MapExpr(Map.of(
                            "StringEquals", new Expr.MapExpr(Map.of("aws:SourceAccount",
                                    new Expr.ListExpr(List.of(string("123456789012")))))))), at("main.tf", 8, 3)),
                    new PolicyStatement(Optional.empty(), false, List.of(string("sqs:*")), true, List.of(string("*")),
                            true, Optional.empty(), at("main.tf", 18, 3)));
        });
    }

    // ---------------------------------------------------------------- modules

    @Test
    void localModulesAreReadWithTheirVariablesBound() throws Exception {
        tf.files("main.tf", """
                variable "stage" {}

                module "worker" {
                  source = "./modules/worker"
                  name   = "worker-${var.stage}"
                }

                output "queue" {
                  value = module.worker.queue_arn
                }
                """, "modules/worker/main.tf", """
                variable "name" {}
                variable "timeout" {
                  default = 30
                }

                resource "aws_sqs_queue" "this" {
                  name                       = var.name
                  visibility_timeout_seconds = var.timeout
                }

                resource "aws_sqs_queue" "dead_letters" {}

                output "queue_arn" {
                  value = aws_sqs_queue.this.arn
                }
                """);
        ServerlessApp app = tf.read();
        assertThat(app.resources()).extracting(r -> r.logicalId()).containsExactly("Worker", "WorkerDeadLetters");
        var queue = (io.lambda2azure.core.model.resource.DependencyResource.Queue) app.resources().get(0);
        assertThat(queue.name()).contains(new Expr.Interpolation(List.of(string("worker-"),
                new Expr.ParameterRef("Stage"))));
        assertThat(queue.visibilityTimeout()).contains(num(30));
        assertThat(queue.location()).isEqualTo(at("modules/worker/main.tf", 6, 1));
        assertThat(app.outputs().get(0).value()).isEqualTo(new Expr.AttributeRef("Worker", "Arn"));
        assertThat(app.parameters()).extracting(Parameter::name).containsExactly("Stage");
    }

    @Test
    void otherRegistryModulesAreUnsupported() throws Exception {
        ServerlessApp app = tf.main("""
                module "vpc" {
                  source  = "terraform-aws-modules/vpc/aws"
                  version = "~> 5.0"
                }
                """);
        assertThat(app.unsupportedResources()).containsExactly(new UnsupportedResource("Vpc",
                "module terraform-aws-modules/vpc/aws", "the registry module terraform-aws-modules/vpc/aws is not read;"
                + " only terraform-aws-modules/lambda/aws and local modules are; convert what it creates by hand",
                List.of(), at("main.tf", 1, 1)));
    }

    // ---------------------------------------------------------------- ids

    @Test
    void ofDeclarationsSharingANameTheFunctionKeepsIt() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_iam_role" "orders" {
                  assume_role_policy = "{}"
                }

                resource "aws_lambda_function" "orders" {
                  function_name = "orders"
                  role          = aws_iam_role.orders.arn
                }

                resource "aws_sqs_queue" "orders" {}

                resource "aws_sns_topic" "orders" {}
                """);
        assertThat(app.functions()).extracting(Function::logicalId).containsExactly("Orders");
        assertThat(app.roles()).extracting(r -> r.logicalId()).containsExactly("OrdersIamRole");
        // Two of the same tier: both get their type.
        assertThat(app.resources()).extracting(r -> r.logicalId()).containsExactly("OrdersSqsQueue", "OrdersSnsTopic");
    }

    // ---------------------------------------------------------------- problems

    @Test
    void everyProblemOfEveryFileIsReportedAtItsPlace() {
        tf.files("a.tf", """
                resource "aws_sqs_queue" "q" {
                  name = var.missing
                }

                resourc "x" {}
                """, "b.tf", """
                locals {
                  a = local.b
                  b = local.a
                }

                resource "aws_sqs_queue" "q" {}

                output "o" {
                  value = aws_sns_topic.nowhere.arn
                }

                variable "v" {
                  default = local.a
                }
                """, "c.tf", """
                resource "aws_sqs_queue" {
                }
                broken = = 1
                """);
        assertThat(tf.problems()).containsExactly(
                "a.tf:2:10: reference to undeclared input variable 'missing'; declare it with a variable block",
                "a.tf:5:1: unknown block type 'resourc'; expected one of check, data, import, locals, module, moved,"
                        + " output, provider, removed, resource, terraform, variable",
                "b.tf:3:7: local.a refers to itself through the values it is computed from; Terraform refuses such"
                        + " cycles",
                "b.tf:6:1: aws_sqs_queue.q is already declared at line 1; each address is declared once",
                "b.tf:9:11: reference to undeclared resource aws_sns_topic.nowhere; declare it with a resource block",
                "c.tf:3:10: expected an expression after 'broken =', found '='");
    }
}

package io.lambda2azure.cli;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.resource.KeyAttribute;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built models, so that the renderers are tested on every event kind whatever the parser reads today.
 */
final class ModelFixtures {

    static final String FILE = "app/template.yaml";

    private ModelFixtures() {
    }

    static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    static Expr str(String value) {
        return new Expr.StringLiteral(value);
    }

    static Expr num(String value) {
        return new Expr.NumberLiteral(new BigDecimal(value));
    }

    static Expr ref(String name) {
        return new Expr.ParameterRef(name);
    }

    /** An application with one function of every event kind, resources, a role and deviations. */
    static ServerlessApp app() {
        Parameter stage = new Parameter("Stage", "String", Optional.of(str("dev")),
                List.of(str("dev"), str("prod")), Optional.of("Deployment stage"), false,
                Parameter.ParameterConstraints.NONE, at(4, 3));
        Parameter apiKey = new Parameter("PaymentApiKey", "String", Optional.of(str("s3cr3t-default")),
                List.of(), Optional.empty(), true, Parameter.ParameterConstraints.NONE, at(9, 3));

        Map<String, Expr> environment = new LinkedHashMap<>();
        environment.put("TABLE_NAME", new Expr.ResourceRef("OrdersTable"));
        environment.put("STAGE", str("prod"));
        environment.put("TABLE_ARN", new Expr.AttributeRef("OrdersTable", "Arn"));
        environment.put("ENDPOINT", new Expr.Interpolation(List.of(str("https://"),
                new Expr.PseudoRef(Pseudo.REGION), str(".example.com"))));
        environment.put("RETRIES", num("3"));
        environment.put("RATIO", num("0.50"));
        environment.put("VERBOSE", new Expr.BooleanLiteral(true));

        Function api = function("CreateOrderFunction", environment, List.of(
                new EventSource.Http("CreateOrder", EventOrigin.SAM_EVENT, Optional.empty(), HttpApiKind.REST_API,
                        Optional.empty(), "/orders", "POST",
                        Optional.of(new HttpAuth(Optional.of(str("AWS_IAM")), Optional.empty(), Optional.empty(),
                                Optional.empty())), Optional.empty(), at(40, 9)),
                new EventSource.Http("Url", EventOrigin.FUNCTION_URL, Optional.empty(), HttpApiKind.FUNCTION_URL,
                        Optional.empty(), "/", "ANY", Optional.empty(), Optional.empty(), at(45, 7))),
                at(30, 3));

        PollingSettings batch = new PollingSettings(Map.of(PollingSetting.BATCH_SIZE, num("10"),
                PollingSetting.FUNCTION_RESPONSE_TYPES, new Expr.ListExpr(List.of(str("ReportBatchItemFailures")))));
        List<EventSource> events = List.of(
                new EventSource.Queue("Jobs", EventOrigin.EVENT_SOURCE_MAPPING, Optional.empty(),
                        new Expr.AttributeRef("JobsQueue", "Arn"), batch, at(60, 3)),
                new EventSource.Topic("Alerts", EventOrigin.SAM_EVENT, Optional.of("IsProd"), ref("AlertTopicArn"),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at(61, 9)),
                new EventSource.ObjectStorage("Upload", EventOrigin.SAM_EVENT, Optional.empty(),
                        new Expr.ResourceRef("Uploads"), new Expr.ListExpr(List.of(str("s3:ObjectCreated:*"))),
                        Optional.empty(), at(62, 9)),
                new EventSource.TableStream("Changes", EventOrigin.SAM_EVENT, Optional.empty(),
                        new Expr.AttributeRef("OrdersTable", "StreamArn"), PollingSettings.NONE, at(63, 9)),
                new EventSource.Stream("Clicks", EventOrigin.SAM_EVENT, Optional.empty(),
                        new Expr.AttributeRef("ClickStream", "Arn"), PollingSettings.NONE, at(64, 9)),
                new EventSource.Kafka("Payments", EventOrigin.SAM_EVENT, Optional.empty(), true,
                        Optional.of(ref("ClusterArn")), Optional.empty(), new Expr.ListExpr(List.of(str("payments"))),
                        Optional.empty(), PollingSettings.NONE, at(65, 9)),
                new EventSource.Broker("Mq", EventOrigin.SAM_EVENT, Optional.empty(), ref("BrokerArn"),
                        new Expr.ListExpr(List.of(str("q1"))), PollingSettings.NONE, at(66, 9)),
                new EventSource.DocumentDbStream("Docs", EventOrigin.SAM_EVENT, Optional.empty(), ref("DocDbArn"),
                        str("db"), Optional.of(str("orders")), Optional.empty(), PollingSettings.NONE, at(67, 9)),
                new EventSource.Schedule("Nightly", EventOrigin.SAM_EVENT, Optional.empty(),
                        str("cron(0 2 * * ? *)"), false, Optional.of(new Expr.BooleanLiteral(true)), Optional.empty(),
                        Optional.empty(), Optional.empty(), at(68, 9)),
                new EventSource.EventBusRule("OrderPlaced", EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(),
                        new Expr.MapExpr(Map.of("source", new Expr.ListExpr(List.of(str("orders"))))),
                        Optional.empty(), Optional.empty(), at(69, 9)),
                new EventSource.LogSubscription("Logs", EventOrigin.SAM_EVENT, Optional.empty(), str("/aws/x"),
                        str("ERROR"), at(70, 9)),
                new EventSource.IotRule("Iot", EventOrigin.SAM_EVENT, Optional.empty(),
                        str("SELECT * FROM 'topic'"), Optional.empty(), at(71, 9)),
                new EventSource.Cognito("SignUp", EventOrigin.SAM_EVENT, Optional.empty(),
                        new Expr.ResourceRef("UserPool"), List.of(str("PreSignUp")), at(72, 9)),
                new EventSource.Alexa("Skill", EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(), at(73, 9)),
                new EventSource.InvokePermission("OtherStack", EventOrigin.PERMISSION, Optional.empty(),
                        str("events.amazonaws.com"), Optional.empty(), Optional.empty(), at(74, 3)));
        Function worker = function("WorkerFunction", Map.of(), events, at(50, 3));

        List<DependencyResource> resources = List.of(
                new DependencyResource.Table("OrdersTable", "AWS::DynamoDB::Table", Optional.empty(), Optional.empty(),
                        List.of(new KeyAttribute(str("pk"), "HASH", Optional.of(str("S")))),
                        Optional.of(str("PAY_PER_REQUEST")), Optional.empty(), Optional.empty(), at(80, 3)),
                new DependencyResource.Queue("JobsQueue", "AWS::SQS::Queue", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of(num("60")), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), at(90, 3)),
                new DependencyResource.Secret("ApiSecret", "AWS::SecretsManager::Secret", Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of(str("hunter2")), Optional.empty(),
                        Optional.empty(), at(95, 3)));

        Role role = new Role("WorkerRole", Optional.empty(), List.of(str("lambda.amazonaws.com")), List.of(),
                List.of(new PolicyStatement(Optional.empty(), true, List.of(str("sqs:ReceiveMessage")), false,
                        List.of(new Expr.AttributeRef("JobsQueue", "Arn")), false, Optional.empty(), at(101, 11))),
                Optional.empty(), at(98, 3));

        return new ServerlessApp(FILE, InputKind.SAM, Optional.of("Orders service"), List.of(stage, apiKey),
                List.of(), List.of(), List.of(api, worker), resources, List.of(role), List.of(),
                List.of(new Output("ApiUrl", new Expr.Interpolation(List.of(str("https://"),
                        new Expr.ResourceRef("ServerlessRestApi"), str(".execute-api.example.com/"))),
                        Optional.empty(), Optional.empty(), Optional.empty(), at(110, 3))),
                List.of(new UnsupportedResource("Dashboard", "AWS::CloudWatch::Dashboard",
                        "dashboards are not migrated", List.of(), at(105, 3))),
                List.of(new UnmappedProperty("CreateOrderFunction", "AWS::Serverless::Function", "SnapStart",
                        new Expr.MapExpr(Map.of("ApplyOn", str("PublishedVersions"))), at(38, 7))));
    }

    private static Function function(String id, Map<String, Expr> environment, List<EventSource> events,
                                     SourceLocation location) {
        return new Function(id, "AWS::Serverless::Function", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(str("python3.12")), Optional.of(str("app.handler")),
                Optional.of(new FunctionCode.ZipArchive(str("src/"))), Optional.of(num("512")),
                Optional.of(num("10")), Optional.empty(), Optional.empty(), environment,
                List.of(new Expr.ResourceRef("SharedLayer")),
                Optional.of(new VpcConfig(Optional.of(ref("SubnetIds")), Optional.empty(), Optional.empty())),
                Optional.of(num("5")), Optional.empty(), Optional.of(str("live")),
                List.of(new FunctionAlias(id + "Aliaslive", str("live"), Optional.of(num("2")), Optional.empty(),
                        location)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(str("Active")), Optional.empty(),
                List.of(new FunctionPolicy.PolicyTemplate("DynamoDBCrudPolicy",
                                new Expr.MapExpr(Map.of("TableName", new Expr.ResourceRef("OrdersTable"))), location),
                        new FunctionPolicy.ManagedPolicy(str("AWSXRayDaemonWriteAccess"), location)),
                Optional.empty(), Optional.empty(), Map.of(), events, Map.of(), location);
    }
}

package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every SAM event type to its {@link EventSource} variant, with its settings. */
class SamEventsTest {

    private static final String FILE = "template.yaml";

    private static ServerlessApp parse(String text) throws InvalidInputException {
        return CloudFormationReader.parse(FILE, text);
    }

    private static List<Problem> problems(String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(text));
        assertThat(e).as("expected the template to be refused").isNotNull();
        return e.problems();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    private static Expr s(String value) {
        return new Expr.StringLiteral(value);
    }

    private static Expr n(String value) {
        return new Expr.NumberLiteral(new BigDecimal(value));
    }

    private static Expr bool(boolean value) {
        return new Expr.BooleanLiteral(value);
    }

    private static Expr list(Expr... items) {
        return new Expr.ListExpr(List.of(items));
    }

    private static Expr map(Object... keysAndValues) {
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Expr) keysAndValues[i + 1]);
        }
        return new Expr.MapExpr(entries);
    }

    private static Expr ref(String id) {
        return new Expr.ResourceRef(id);
    }

    private static Expr att(String id, String attribute) {
        return new Expr.AttributeRef(id, attribute);
    }

    private static PollingSettings settings(Object... settingsAndValues) {
        Map<PollingSetting, Expr> values = new EnumMap<>(PollingSetting.class);
        for (int i = 0; i < settingsAndValues.length; i += 2) {
            values.put((PollingSetting) settingsAndValues[i], (Expr) settingsAndValues[i + 1]);
        }
        return new PollingSettings(values);
    }

    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: x
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Events:
                    GetOrder:
                      Type: Api
                      Properties:
                        Path: /orders/{id}
                        Method: get
                        RestApiId: !Ref Rest
                        Auth:
                          Authorizer: MyCognito
                          AuthorizationScopes: [orders/read]
                          ApiKeyRequired: true
                    Implicit:
                      Type: Api
                      Properties:
                        Path: /health
                        Method: ANY
                    HttpRoute:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Http
                        Path: /items
                        Method: POST
                        Auth:
                          Authorizer: OAuth2
                          AuthorizationScopes: [items]
                    HttpDefault:
                      Type: HttpApi
                    AnyMethod:
                      Type: HttpApi
                      Properties:
                        Path: /any
                        Method: x-amazon-apigateway-any-method
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
                        BatchSize: 10
                        MaximumBatchingWindowInSeconds: 5
                        Enabled: false
                        FunctionResponseTypes: [ReportBatchItemFailures]
                        ScalingConfig:
                          MaximumConcurrency: 5
                        FilterCriteria:
                          Filters:
                            - Pattern: '{"body": {"type": ["order"]}}'
                    Stream:
                      Type: Kinesis
                      Properties:
                        Stream: !GetAtt Stream.Arn
                        StartingPosition: TRIM_HORIZON
                        ParallelizationFactor: 2
                        BisectBatchOnFunctionError: true
                        MaximumRetryAttempts: 3
                        MaximumRecordAgeInSeconds: 3600
                        TumblingWindowInSeconds: 60
                        DestinationConfig:
                          OnFailure:
                            Destination: !GetAtt Queue.Arn
                    Table:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt Table.StreamArn
                        StartingPosition: AT_TIMESTAMP
                        StartingPositionTimestamp: 1700000000
                    Msk:
                      Type: MSK
                      Properties:
                        Stream: arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc
                        Topics: [orders]
                        ConsumerGroupId: orders-group
                        StartingPosition: LATEST
                    Kafka:
                      Type: SelfManagedKafka
                      Properties:
                        KafkaBootstrapServers: ['broker1:9092', 'broker2:9092']
                        Topics: [payments]
                        SourceAccessConfigurations:
                          - Type: SASL_SCRAM_512_AUTH
                            URI: !Ref Secret
                    Broker:
                      Type: MQ
                      Properties:
                        Broker: arn:aws:mq:us-east-1:123456789012:broker:orders:b-1
                        Queues: [orders]
                        SourceAccessConfigurations:
                          - Type: BASIC_AUTH
                            URI: !Ref Secret
                    Docs:
                      Type: DocumentDB
                      Properties:
                        Cluster: arn:aws:rds:us-east-1:123456789012:cluster:docs
                        DatabaseName: shop
                        CollectionName: orders
                        FullDocument: UpdateLookup
                        SourceAccessConfigurations:
                          - Type: BASIC_AUTH
                            URI: !Ref Secret
                    Topic:
                      Type: SNS
                      Properties:
                        Topic: !Ref Topic
                        FilterPolicy:
                          store: [example_corp]
                        FilterPolicyScope: MessageBody
                        SqsSubscription: true
                        Region: us-east-2
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: !Ref Bucket
                        Events: s3:ObjectCreated:*
                        Filter:
                          S3Key:
                            Rules:
                              - Name: suffix
                                Value: .jpg
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: cron(0 2 * * ? *)
                        Enabled: false
                        Input: '{"job": "nightly"}'
                    Hourly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 hour)
                        ScheduleExpressionTimezone: Europe/Berlin
                        State: DISABLED
                        FlexibleTimeWindow:
                          Mode: FLEXIBLE
                          MaximumWindowInMinutes: 5
                    Legacy:
                      Type: CloudWatchEvent
                      Properties:
                        Pattern:
                          source: [aws.ec2]
                    OnBus:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref Bus
                        Pattern:
                          detail-type: [OrderPlaced]
                        InputPath: $.detail
                        State: ENABLED
                    Logs:
                      Type: CloudWatchLogs
                      Properties:
                        LogGroupName: !Ref Logs
                        FilterPattern: ERROR
                    Iot:
                      Type: IoTRule
                      Properties:
                        Sql: SELECT * FROM 'orders/#'
                        AwsIotSqlVersion: '2016-03-23'
                    Alexa:
                      Type: AlexaSkill
                      Properties:
                        SkillId: amzn1.ask.skill.123
                    AlexaBare:
                      Type: AlexaSkill
                    SignUp:
                      Type: Cognito
                      Properties:
                        UserPool: !Ref Pool
                        Trigger: [PreSignUp, PostConfirmation]
                    Single:
                      Type: Cognito
                      Properties:
                        UserPool: !Ref Pool
                        Trigger: PreSignUp
              Rest:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              Http:
                Type: AWS::Serverless::HttpApi
              Queue:
                Type: AWS::SQS::Queue
              Stream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema:
                    - AttributeName: id
                      KeyType: HASH
                  AttributeDefinitions:
                    - AttributeName: id
                      AttributeType: S
                  StreamSpecification:
                    StreamViewType: NEW_IMAGE
              Secret:
                Type: AWS::SecretsManager::Secret
              Topic:
                Type: AWS::SNS::Topic
              Bucket:
                Type: AWS::S3::Bucket
              Bus:
                Type: AWS::Events::EventBus
                Properties:
                  Name: orders
              Logs:
                Type: AWS::Logs::LogGroup
              Pool:
                Type: AWS::Cognito::UserPool
            """;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EveryType {

        private ServerlessApp app;
        private Map<String, EventSource> events;

        @BeforeAll
        void read() throws Exception {
            app = parse(TEMPLATE);
            events = new LinkedHashMap<>();
            app.function("Fn").orElseThrow().events().forEach(e -> events.put(e.id(), e));
        }

        private EventSource event(String id) {
            assertThat(events).containsKey(id);
            return events.get(id);
        }

        @Test
        void everyEventIsReadInInputOrderAndNothingIsLeftUnmapped() {
            assertThat(events.keySet()).containsExactly("GetOrder", "Implicit", "HttpRoute", "HttpDefault", "AnyMethod",
                    "Queue", "Stream", "Table", "Msk", "Kafka", "Broker", "Docs", "Topic", "Upload", "Nightly", "Hourly",
                    "Legacy", "OnBus", "Logs", "Iot", "Alexa", "AlexaBare", "SignUp", "Single");
            assertThat(events.values()).allSatisfy(e -> {
                assertThat(e.origin()).isEqualTo(EventOrigin.SAM_EVENT);
                assertThat(e.condition()).isEmpty();
            });
            assertThat(app.unmappedProperties()).isEmpty();
        }

        @Test
        void api() {
            assertThat(event("GetOrder")).isEqualTo(new EventSource.Http("GetOrder", EventOrigin.SAM_EVENT,
                    Optional.empty(), HttpApiKind.REST_API, Optional.of("Rest"), "/orders/{id}", "GET",
                    Optional.of(new HttpAuth(Optional.empty(), Optional.of("MyCognito"), Optional.of(list(s("orders/read"))),
                            Optional.of(bool(true)))), Optional.empty(), at(10, 9)));
            assertThat(event("GetOrder").kind()).isEqualTo(EventKind.HTTP);
        }

        @Test
        void apiWithoutRestApiIdUsesSamsImplicitApi() {
            assertThat(event("Implicit")).isEqualTo(new EventSource.Http("Implicit", EventOrigin.SAM_EVENT,
                    Optional.empty(), HttpApiKind.REST_API, Optional.of("ServerlessRestApi"), "/health", "ANY",
                    Optional.empty(), Optional.empty(), at(20, 9)));
        }

        @Test
        void httpApi() {
            assertThat(event("HttpRoute")).isEqualTo(new EventSource.Http("HttpRoute", EventOrigin.SAM_EVENT,
                    Optional.empty(), HttpApiKind.HTTP_API, Optional.of("Http"), "/items", "POST",
                    Optional.of(new HttpAuth(Optional.empty(), Optional.of("OAuth2"), Optional.of(list(s("items"))),
                            Optional.empty())), Optional.empty(), at(25, 9)));
        }

        @Test
        void httpApiWithoutPathAndMethodIsTheDefaultRoute() {
            assertThat(event("HttpDefault")).isEqualTo(new EventSource.Http("HttpDefault", EventOrigin.SAM_EVENT,
                    Optional.empty(), HttpApiKind.HTTP_API, Optional.of("ServerlessHttpApi"), "$default", "ANY",
                    Optional.empty(), Optional.empty(), at(34, 9)));
        }

        @Test
        void httpApiAnyMethodExtension() {
            EventSource.Http http = (EventSource.Http) event("AnyMethod");
            assertThat(http.path()).isEqualTo("/any");
            assertThat(http.method()).isEqualTo("ANY");
        }

        @Test
        void sqsWithPollingSettings() {
            assertThat(event("Queue")).isEqualTo(new EventSource.Queue("Queue", EventOrigin.SAM_EVENT, Optional.empty(),
                    att("Queue", "Arn"), settings(
                    PollingSetting.BATCH_SIZE, n("10"),
                    PollingSetting.MAXIMUM_BATCHING_WINDOW_IN_SECONDS, n("5"),
                    PollingSetting.ENABLED, bool(false),
                    PollingSetting.FUNCTION_RESPONSE_TYPES, list(s("ReportBatchItemFailures")),
                    PollingSetting.MAXIMUM_CONCURRENCY, map("MaximumConcurrency", n("5")),
                    PollingSetting.FILTER_CRITERIA, map("Filters", list(map("Pattern", s("{\"body\": {\"type\": [\"order\"]}}"))))),
                    at(41, 9)));
            assertThat(event("Queue").kind()).isEqualTo(EventKind.QUEUE);
        }

        @Test
        void kinesis() {
            assertThat(event("Stream")).isEqualTo(new EventSource.Stream("Stream", EventOrigin.SAM_EVENT,
                    Optional.empty(), att("Stream", "Arn"), settings(
                    PollingSetting.STARTING_POSITION, s("TRIM_HORIZON"),
                    PollingSetting.PARALLELIZATION_FACTOR, n("2"),
                    PollingSetting.BISECT_BATCH_ON_FUNCTION_ERROR, bool(true),
                    PollingSetting.MAXIMUM_RETRY_ATTEMPTS, n("3"),
                    PollingSetting.MAXIMUM_RECORD_AGE_IN_SECONDS, n("3600"),
                    PollingSetting.TUMBLING_WINDOW_IN_SECONDS, n("60"),
                    PollingSetting.ON_FAILURE_DESTINATION, map("OnFailure", map("Destination", att("Queue", "Arn")))),
                    at(54, 9)));
            assertThat(event("Stream").kind()).isEqualTo(EventKind.STREAM);
        }

        @Test
        void dynamoDb() {
            assertThat(event("Table")).isEqualTo(new EventSource.TableStream("Table", EventOrigin.SAM_EVENT,
                    Optional.empty(), att("Table", "StreamArn"), settings(
                    PollingSetting.STARTING_POSITION, s("AT_TIMESTAMP"),
                    PollingSetting.STARTING_POSITION_TIMESTAMP, n("1700000000")), at(67, 9)));
            assertThat(event("Table").kind()).isEqualTo(EventKind.TABLE_STREAM);
        }

        @Test
        void msk() {
            assertThat(event("Msk")).isEqualTo(new EventSource.Kafka("Msk", EventOrigin.SAM_EVENT, Optional.empty(),
                    true, Optional.of(s("arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc")), Optional.empty(),
                    list(s("orders")), Optional.of(s("orders-group")),
                    settings(PollingSetting.STARTING_POSITION, s("LATEST")), at(73, 9)));
        }

        @Test
        void selfManagedKafka() {
            assertThat(event("Kafka")).isEqualTo(new EventSource.Kafka("Kafka", EventOrigin.SAM_EVENT, Optional.empty(),
                    false, Optional.empty(), Optional.of(list(s("broker1:9092"), s("broker2:9092"))),
                    list(s("payments")), Optional.empty(),
                    settings(PollingSetting.SOURCE_ACCESS_CONFIGURATIONS,
                            list(map("Type", s("SASL_SCRAM_512_AUTH"), "URI", ref("Secret")))), at(80, 9)));
            assertThat(event("Kafka").kind()).isEqualTo(EventKind.KAFKA);
        }

        @Test
        void mq() {
            assertThat(event("Broker")).isEqualTo(new EventSource.Broker("Broker", EventOrigin.SAM_EVENT,
                    Optional.empty(), s("arn:aws:mq:us-east-1:123456789012:broker:orders:b-1"), list(s("orders")),
                    settings(PollingSetting.SOURCE_ACCESS_CONFIGURATIONS,
                            list(map("Type", s("BASIC_AUTH"), "URI", ref("Secret")))), at(88, 9)));
            assertThat(event("Broker").kind()).isEqualTo(EventKind.BROKER);
        }

        @Test
        void documentDb() {
            assertThat(event("Docs")).isEqualTo(new EventSource.DocumentDbStream("Docs", EventOrigin.SAM_EVENT,
                    Optional.empty(), s("arn:aws:rds:us-east-1:123456789012:cluster:docs"), s("shop"),
                    Optional.of(s("orders")), Optional.of(s("UpdateLookup")),
                    settings(PollingSetting.SOURCE_ACCESS_CONFIGURATIONS,
                            list(map("Type", s("BASIC_AUTH"), "URI", ref("Secret")))), at(96, 9)));
            assertThat(event("Docs").kind()).isEqualTo(EventKind.DOCUMENT_DB_STREAM);
        }

        @Test
        void sns() {
            assertThat(event("Topic")).isEqualTo(new EventSource.Topic("Topic", EventOrigin.SAM_EVENT, Optional.empty(),
                    ref("Topic"), Optional.of(map("store", list(s("example_corp")))), Optional.of(s("MessageBody")),
                    Optional.of(bool(true)), Optional.of(s("us-east-2")), at(106, 9)));
            assertThat(event("Topic").kind()).isEqualTo(EventKind.TOPIC);
        }

        @Test
        void s3WithASingleEventNameMadeAList() {
            assertThat(event("Upload")).isEqualTo(new EventSource.ObjectStorage("Upload", EventOrigin.SAM_EVENT,
                    Optional.empty(), ref("Bucket"), list(s("s3:ObjectCreated:*")),
                    Optional.of(map("S3Key", map("Rules", list(map("Name", s("suffix"), "Value", s(".jpg")))))),
                    at(115, 9)));
            assertThat(event("Upload").kind()).isEqualTo(EventKind.OBJECT_STORAGE);
        }

        @Test
        void schedule() {
            assertThat(event("Nightly")).isEqualTo(new EventSource.Schedule("Nightly", EventOrigin.SAM_EVENT,
                    Optional.empty(), s("cron(0 2 * * ? *)"), false, Optional.of(bool(false)),
                    Optional.of(s("{\"job\": \"nightly\"}")), Optional.empty(), Optional.empty(), at(125, 9)));
            assertThat(event("Nightly").kind()).isEqualTo(EventKind.SCHEDULE);
        }

        @Test
        void scheduleV2() {
            assertThat(event("Hourly")).isEqualTo(new EventSource.Schedule("Hourly", EventOrigin.SAM_EVENT,
                    Optional.empty(), s("rate(1 hour)"), true, Optional.of(s("DISABLED")), Optional.empty(),
                    Optional.of(s("Europe/Berlin")), Optional.of(map("Mode", s("FLEXIBLE"), "MaximumWindowInMinutes", n("5"))),
                    at(131, 9)));
        }

        @Test
        void cloudWatchEvent() {
            assertThat(event("Legacy")).isEqualTo(new EventSource.EventBusRule("Legacy", EventOrigin.SAM_EVENT,
                    Optional.empty(), Optional.empty(), map("source", list(s("aws.ec2"))), Optional.empty(),
                    Optional.empty(), at(140, 9)));
            assertThat(event("Legacy").kind()).isEqualTo(EventKind.EVENT_BUS_RULE);
        }

        @Test
        void eventBridgeRule() {
            assertThat(event("OnBus")).isEqualTo(new EventSource.EventBusRule("OnBus", EventOrigin.SAM_EVENT,
                    Optional.empty(), Optional.of(ref("Bus")), map("detail-type", list(s("OrderPlaced"))),
                    Optional.of(s("$.detail")), Optional.of(s("ENABLED")), at(145, 9)));
        }

        @Test
        void cloudWatchLogs() {
            assertThat(event("Logs")).isEqualTo(new EventSource.LogSubscription("Logs", EventOrigin.SAM_EVENT,
                    Optional.empty(), ref("Logs"), s("ERROR"), at(153, 9)));
            assertThat(event("Logs").kind()).isEqualTo(EventKind.LOG_SUBSCRIPTION);
        }

        @Test
        void iotRule() {
            assertThat(event("Iot")).isEqualTo(new EventSource.IotRule("Iot", EventOrigin.SAM_EVENT, Optional.empty(),
                    s("SELECT * FROM 'orders/#'"), Optional.of(s("2016-03-23")), at(158, 9)));
            assertThat(event("Iot").kind()).isEqualTo(EventKind.IOT_RULE);
        }

        @Test
        void alexaSkillWithAndWithoutProperties() {
            assertThat(event("Alexa")).isEqualTo(new EventSource.Alexa("Alexa", EventOrigin.SAM_EVENT, Optional.empty(),
                    Optional.of(s("amzn1.ask.skill.123")), at(163, 9)));
            assertThat(event("AlexaBare")).isEqualTo(new EventSource.Alexa("AlexaBare", EventOrigin.SAM_EVENT,
                    Optional.empty(), Optional.empty(), at(167, 9)));
            assertThat(event("Alexa").kind()).isEqualTo(EventKind.ALEXA);
        }

        @Test
        void cognitoWithAListOrASingleTrigger() {
            assertThat(event("SignUp")).isEqualTo(new EventSource.Cognito("SignUp", EventOrigin.SAM_EVENT,
                    Optional.empty(), ref("Pool"), List.of(s("PreSignUp"), s("PostConfirmation")), at(169, 9)));
            assertThat(event("Single")).isEqualTo(new EventSource.Cognito("Single", EventOrigin.SAM_EVENT,
                    Optional.empty(), ref("Pool"), List.of(s("PreSignUp")), at(174, 9)));
            assertThat(event("SignUp").kind()).isEqualTo(EventKind.COGNITO);
        }
    }

    @Nested
    class Details {

        @Test
        void eventsInheritTheFunctionsCondition() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Conditions:
                      IsProd: !Equals [!Ref AWS::Region, us-east-1]
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Condition: IsProd
                        Properties:
                          InlineCode: x
                          Events:
                            Tick:
                              Type: Schedule
                              Properties:
                                Schedule: rate(5 minutes)
                    """);
            assertThat(app.eventSources()).singleElement().satisfies(e -> assertThat(e.condition()).contains("IsProd"));
        }

        @Test
        void scheduleStateStandsInForEnabled() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                            Tick:
                              Type: Schedule
                              Properties:
                                Schedule: rate(5 minutes)
                                State: DISABLED
                                Name: tick
                    """);
            EventSource.Schedule tick = (EventSource.Schedule) app.eventSources().get(0);
            assertThat(tick.enabled()).contains(s("DISABLED"));
            assertThat(app.unmappedProperties()).containsExactly(new UnmappedProperty("Fn", "AWS::Serverless::Function",
                    "Events.Tick.Properties.Name", s("tick"), at(13, 13)));
        }

        @Test
        void restApiIdMayBeTheBareLogicalId() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Api:
                        Type: AWS::Serverless::Api
                        Properties:
                          StageName: v1
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                            Get:
                              Type: Api
                              Properties:
                                Path: /
                                Method: get
                                RestApiId: Api
                    """);
            assertThat(((EventSource.Http) app.eventSources().get(0)).apiId()).contains("Api");
        }

        @Test
        void emptyEventsMeansNoEvents() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                    """);
            assertThat(app.eventSources()).isEmpty();
        }
    }

    @Nested
    class Problems_ {

        private static String withEvent(String event) {
            return """
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                            Ev:
                    """ + event.indent(10) + """
                      Bucket:
                        Type: AWS::S3::Bucket
                      Queue:
                        Type: AWS::SQS::Queue
                    """;
        }

        @Test
        void unknownEventType() {
            assertThat(problems(withEvent("Type: Sqs\nProperties:\n  Queue: !GetAtt Queue.Arn\n")))
                    .containsExactly(new Problem(at(9, 11), "event 'Ev' of function 'Fn' has the unknown Type 'Sqs';"
                            + " expected one of AlexaSkill, Api, CloudWatchEvent, CloudWatchLogs, Cognito, DocumentDB,"
                            + " DynamoDB, EventBridgeRule, HttpApi, IoTRule, Kinesis, MQ, MSK, S3, SNS, SQS, Schedule,"
                            + " ScheduleV2, SelfManagedKafka"));
        }

        @Test
        void eventWithoutType() {
            assertThat(problems(withEvent("Properties:\n  Queue: !GetAtt Queue.Arn\n"))).singleElement()
                    .satisfies(p -> {
                        assertThat(p.location()).isEqualTo(at(8, 9));
                        assertThat(p.message()).startsWith("event 'Ev' of function 'Fn' has no Type; expected one of"
                                + " AlexaSkill, Api,");
                    });
        }

        @Test
        void eventTypeThatIsNotAName() {
            assertThat(problems(withEvent("Type: [SQS]\nProperties:\n  Queue: !GetAtt Queue.Arn\n")))
                    .containsExactly(new Problem(at(9, 17),
                            "Type must be an event type such as Api, SQS or Schedule; found a list"));
        }

        @Test
        void eventWithoutProperties() {
            assertThat(problems(withEvent("Type: SQS\n"))).containsExactly(new Problem(at(8, 9),
                    "event 'Ev' of function 'Fn' needs Properties, a mapping of the SQS event's settings"));
        }

        @Test
        void eventThatIsNotAMapping() {
            assertThat(problems("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                            Ev: [SQS]
                    """)).containsExactly(new Problem(at(8, 13), "event 'Ev' of function 'Fn' must be a mapping with"
                    + " Type and Properties; found a list"));
        }

        @Test
        void eventsThatAreNotAMapping() {
            assertThat(problems("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events: [a]
                    """)).containsExactly(new Problem(at(7, 15),
                    "Events of function 'Fn' must be a mapping of event names to events; found a list"));
        }

        @ParameterizedTest(name = "{0} without {1}")
        @CsvSource(delimiter = '|', value = {
                "SQS | Queue | BatchSize: 1",
                "Kinesis | Stream | StartingPosition: LATEST",
                "DynamoDB | Stream | StartingPosition: LATEST",
                "MSK | Topics | Stream: arn:aws:kafka:us-east-1:123456789012:cluster/c/1",
                "MSK | Stream | Topics: [t]",
                "SelfManagedKafka | KafkaBootstrapServers | Topics: [t]",
                "MQ | Queues | Broker: arn:aws:mq:us-east-1:123456789012:broker:b:1",
                "DocumentDB | DatabaseName | Cluster: arn:aws:rds:us-east-1:123456789012:cluster:c",
                "SNS | Topic | Region: us-east-1",
                "S3 | Events | Bucket: !Ref Bucket",
                "Schedule | Schedule | Enabled: true",
                "ScheduleV2 | ScheduleExpression | State: ENABLED",
                "CloudWatchEvent | Pattern | State: ENABLED",
                "EventBridgeRule | Pattern | State: ENABLED",
                "CloudWatchLogs | FilterPattern | LogGroupName: g",
                "IoTRule | Sql | AwsIotSqlVersion: '2016-03-23'",
                "Cognito | Trigger | UserPool: p",
        })
        void missingRequiredProperty(String type, String missing, String present) {
            assertThat(problems(withEvent("Type: " + type + "\nProperties:\n  " + present + "\n")))
                    .containsExactly(new Problem(at(11, 13), type + " event 'Ev' is missing the required property "
                            + missing));
        }

        @Test
        void apiWithoutPathOrMethod() {
            assertThat(problems(withEvent("Type: Api\nProperties:\n  Method: get\n"))).containsExactly(new Problem(
                    at(11, 13), "Api event 'Ev' is missing the required property Path (the route path, such as /orders/{id})"));
            assertThat(problems(withEvent("Type: Api\nProperties:\n  Path: /\n"))).containsExactly(new Problem(
                    at(11, 13), "Api event 'Ev' is missing the required property Method (an HTTP method such as get, or any)"));
        }

        @Test
        void apiIdThatIsNotAnApiOfTheTemplate() {
            assertThat(problems(withEvent("Type: Api\nProperties:\n  Path: /\n  Method: get\n  RestApiId: NoSuchApi\n")))
                    .containsExactly(new Problem(at(13, 13),
                            "RestApiId must refer to an API of this template with !Ref; found \"NoSuchApi\""));
        }

        @Test
        void s3EventOnABucketOutsideTheTemplate() {
            assertThat(problems(withEvent("Type: S3\nProperties:\n  Bucket: existing-bucket\n  Events: s3:ObjectCreated:*\n")))
                    .containsExactly(new Problem(at(11, 13), "S3 event 'Ev' must refer to an S3 bucket of the same"
                            + " template with !Ref; SAM cannot add notifications to other buckets"));
        }

        @Test
        void authorizerThatIsNotAName() {
            assertThat(problems(withEvent("Type: Api\nProperties:\n  Path: /\n  Method: get\n  Auth:\n"
                    + "    Authorizer: [a]\n"))).containsExactly(new Problem(at(14, 27),
                    "Authorizer must be the name of an authorizer of the API; found a list"));
        }

        @Test
        void everyBadEventIsReportedTogether() {
            List<Problem> problems = problems("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                            A:
                              Type: Nope
                            B:
                              Type: SQS
                              Properties: {}
                            C:
                              Type: SNS
                    """);
            assertThat(problems).extracting(Problem::location).containsExactly(at(9, 11), at(12, 23), at(13, 9));
        }
    }
}

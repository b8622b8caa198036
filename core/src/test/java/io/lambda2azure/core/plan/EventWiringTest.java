package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.PolicyStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.list;
import static io.lambda2azure.core.plan.Fixtures.map;
import static io.lambda2azure.core.plan.Fixtures.num;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.setting;
import static io.lambda2azure.core.plan.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

/** Event sources to triggers with their entities, connections and roles; permissions to role assignments. */
class EventWiringTest {

    private static Expr arn(String logicalId) {
        return new Expr.AttributeRef(logicalId, "Arn");
    }

    private static <T extends AzureResource> T one(AzureDeployment d, Class<T> type) {
        List<T> all = d.resources(type);
        assertThat(all).as(type.getSimpleName()).hasSize(1);
        return all.get(0);
    }

    private static List<AzureResource.RoleAssignment> rolesOn(AzureDeployment d, String scope) {
        return d.resources(AzureResource.RoleAssignment.class).stream().filter(r -> r.scope().equals(scope)).toList();
    }

    private static Fixtures.FunctionBuilder sqsWorker(PollingSettings settings) {
        Fixtures.FunctionBuilder f = function("Worker");
        return f.event(new EventSource.Queue("Jobs", EventOrigin.SAM_EVENT, Optional.empty(), arn("JobsQueue"),
                settings, f.nextEventLocation()));
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void anSqsQueueBecomesAServiceBusQueueReadByAServiceBusTrigger(PlanKind kind) {
        AzureDeployment d = plan(app(sqsWorker(new PollingSettings(Map.of(PollingSetting.BATCH_SIZE, num(5)))))
                .queue("JobsQueue", false).build(), kind);
        AzureResource.ServiceBusNamespace namespace = one(d, AzureResource.ServiceBusNamespace.class);
        assertThat(namespace.disableLocalAuth()).isTrue();
        assertThat(namespace.minimumTlsVersion()).isEqualTo("1.2");
        AzureResource.ServiceBusQueue queue = one(d, AzureResource.ServiceBusQueue.class);
        assertThat(queue.lockDuration()).contains(Value.text("PT120S"));
        assertThat(queue.maxDeliveryCount()).contains(Value.number(5));
        assertThat(queue.deadLetteringOnMessageExpiration()).isTrue();

        AzureResource.FunctionApp app = appOf(d, "Worker");
        Trigger trigger = app.triggers().get(0);
        assertThat(trigger.type()).isEqualTo("serviceBusTrigger");
        assertThat(trigger.settings()).containsEntry("queueName", "jobs-queue").containsEntry("connection",
                "ServiceBusConnection").containsEntry("cardinality", "many");
        assertThat(trigger.resource()).contains(queue.symbol());
        assertThat(setting(app, "ServiceBusConnection__fullyQualifiedNamespace")).contains(new Value.Interpolation(
                List.of(Value.ref(namespace.symbol(), Value.Attribute.NAME), Value.text(".servicebus.windows.net"))));
        assertThat(setting(app, "ServiceBusConnection__credential")).contains(Value.text("managedidentity"));
        assertThat(setting(app, "ServiceBusConnection__clientId")).contains(Value.ref(app.identity(),
                Value.Attribute.CLIENT_ID));
        assertThat(rolesOn(d, queue.symbol())).singleElement().satisfies(r -> {
            assertThat(r.role()).isEqualTo(Roles.SERVICE_BUS_DATA_RECEIVER);
            assertThat(r.principal()).isEqualTo(app.identity());
        });
        assertThat(app.hostSettings()).containsEntry("extensions.serviceBus.maxMessageBatchSize", Value.number(5));
        assertThat(deviations(d, DeviationCatalog.TRIGGER_NOT_MAPPED)).isEmpty();
    }

    @Test
    void aFifoQueueUsesSessionsAndLongVisibilityTimeoutsAreCapped() {
        AzureDeployment d = plan(app(sqsWorker(PollingSettings.NONE)).resource(new io.lambda2azure.core.model.resource
                .DependencyResource.Queue("JobsQueue", "AWS::SQS::Queue", Optional.empty(), Optional.of(str("jobs.fifo")),
                Optional.of(Fixtures.bool(true)), Optional.of(Fixtures.bool(true)), Optional.of(num(900)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Fixtures.at(2, 3))).build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.ServiceBusQueue queue = one(d, AzureResource.ServiceBusQueue.class);
        assertThat(queue.name()).isEqualTo(Value.text("jobs"));
        assertThat(queue.requiresSession()).isTrue();
        assertThat(queue.requiresDuplicateDetection()).isTrue();
        assertThat(queue.lockDuration()).contains(Value.text("PT300S"));
        assertThat(appOf(d, "Worker").triggers().get(0).settings()).containsEntry("isSessionsEnabled", "true");
        assertThat(deviations(d, DeviationCatalog.QUEUE_SEMANTICS)).extracting(dev -> dev.message())
                .anySatisfy(m -> assertThat(m).contains("900 s"));
    }

    @Test
    void lambdaOnlyPollingSettingsAreReported() {
        AzureDeployment d = plan(app(sqsWorker(new PollingSettings(Map.of(
                PollingSetting.FUNCTION_RESPONSE_TYPES, list(str("ReportBatchItemFailures")),
                PollingSetting.FILTER_CRITERIA, map("Filters", list())))))
                .queue("JobsQueue", false).build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(deviations(d, DeviationCatalog.BATCH_SETTINGS)).singleElement()
                .satisfies(dev -> assertThat(dev.message()).contains("FunctionResponseTypes"));
        assertThat(deviations(d, DeviationCatalog.EVENT_FILTER_PARTIAL)).hasSize(1);
    }

    @Test
    void aQueueOutsideTheTemplateIsReadThroughParameters() {
        AzureDeployment d = plan(sqsWorker(PollingSettings.NONE).build(), PlanKind.PREMIUM);
        AzureResource.FunctionApp app = appOf(d, "Worker");
        Trigger trigger = app.triggers().get(0);
        assertThat(trigger.resource()).isEmpty();
        assertThat(trigger.connection()).contains("WORKER_CONNECTION");
        assertThat(setting(app, "WORKER_CONNECTION__fullyQualifiedNamespace")).contains(new Value.Param("WorkerNamespace"));
        assertThat(trigger.settings()).containsEntry("queueName", "%WORKER_QUEUENAME%");
        assertThat(d.resources(AzureResource.ServiceBusQueue.class)).isEmpty();
        assertThat(deviations(d, DeviationCatalog.EXTERNAL_EVENT_SOURCE)).singleElement()
                .satisfies(dev -> assertThat(dev.message()).contains("Azure Service Bus Data Receiver"));
    }

    @Test
    void anSnsSubscriptionBecomesATopicSubscriptionWithItsFilterPolicy() {
        Fixtures.FunctionBuilder f = function("Notifier");
        f.event(new EventSource.Topic("Alerts", EventOrigin.SAM_EVENT, Optional.empty(), new Expr.ResourceRef("AlertsTopic"),
                Optional.of(map("severity", list(str("high"), str("critical")), "region", list(map("prefix", str("eu-"))),
                        "$or", list())), Optional.empty(), Optional.empty(), Optional.empty(), f.nextEventLocation()));
        AzureDeployment d = plan(app(f).topic("AlertsTopic").build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.ServiceBusTopic topic = one(d, AzureResource.ServiceBusTopic.class);
        AzureResource.ServiceBusSubscription subscription = one(d, AzureResource.ServiceBusSubscription.class);
        assertThat(subscription.topic()).isEqualTo(topic.symbol());
        assertThat(one(d, AzureResource.ServiceBusRule.class).sqlExpression()).isEqualTo(Value.text(
                "severity IN ('high', 'critical') AND region LIKE 'eu-%'"));
        Trigger trigger = appOf(d, "Notifier").triggers().get(0);
        assertThat(trigger.settings()).containsEntry("topicName", "alerts-topic")
                .containsEntry("subscriptionName", subscription.name() instanceof Value.Text t ? t.value() : "?");
        assertThat(rolesOn(d, topic.symbol())).isEmpty();
        assertThat(rolesOn(d, subscription.symbol())).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.SERVICE_BUS_DATA_RECEIVER);
        assertThat(trigger.resource()).contains(subscription.symbol());
        assertThat(deviations(d, DeviationCatalog.EVENT_FILTER_PARTIAL)).singleElement()
                .satisfies(dev -> assertThat(dev.message()).contains("$or"));
    }

    @Test
    void bucketUploadsBecomeABlobTriggerWithAnEventGridSubscription() {
        Fixtures.FunctionBuilder f = function("Resize");
        f.event(new EventSource.ObjectStorage("Upload", EventOrigin.SAM_EVENT, Optional.empty(),
                new Expr.ResourceRef("Images"), list(str("s3:ObjectCreated:*")),
                Optional.of(map("S3Key", map("Rules", list(map("Name", str("prefix"), "Value", str("uploads/")),
                        map("Name", str("suffix"), "Value", str(".jpg")))))), f.nextEventLocation()));
        AzureDeployment d = plan(app(f).bucket("Images").build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.BlobContainer container = d.resources(AzureResource.BlobContainer.class).stream()
                .filter(c -> c.symbol().equals("imagesContainer")).findFirst().orElseThrow();
        AzureResource.EventGridSystemTopic topic = one(d, AzureResource.EventGridSystemTopic.class);
        assertThat(topic.sourceResource()).isEqualTo(container.storageAccount());
        AzureResource.EventGridSubscription sub = one(d, AzureResource.EventGridSubscription.class);
        assertThat(sub.destination()).isEqualTo(new AzureResource.EventDestination.BlobsExtensionWebhook("resize",
                "Resize"));
        assertThat(sub.includedEventTypes()).containsExactly("Microsoft.Storage.BlobCreated");
        assertThat(sub.subjectEndsWith()).contains(Value.text(".jpg"));
        assertThat(sub.condition()).contains(new Value.Param("deployEventSubscriptions"));
        Trigger trigger = appOf(d, "Resize").triggers().get(0);
        assertThat(trigger.type()).isEqualTo("blobTrigger");
        assertThat(trigger.settings()).containsEntry("path", "images/uploads/{name}.jpg")
                .containsEntry("source", "EventGrid");
        assertThat(rolesOn(d, container.storageAccount())).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.STORAGE_BLOB_DATA_OWNER, Roles.STORAGE_QUEUE_DATA_CONTRIBUTOR);
        assertThat(setting(appOf(d, "Resize"), "IMAGES_STORAGE__queueServiceUri")).contains(
                Value.ref(container.storageAccount(), Value.Attribute.QUEUE_ENDPOINT));
        assertThat(rolesOn(d, "hostStorage")).extracting(AzureResource.RoleAssignment::role)
                .contains(Roles.STORAGE_ACCOUNT_CONTRIBUTOR);
        assertThat(d.parameters()).anySatisfy(p -> assertThat(p.name()).isEqualTo("deployEventSubscriptions"));
        assertThat(deviations(d, DeviationCatalog.SUBSCRIPTION_AFTER_CODE)).hasSize(1);
    }

    @Test
    void aTableStreamBecomesACosmosDbTriggerWithALeaseContainerAndADataRole() {
        Fixtures.FunctionBuilder f = function("Audit");
        f.event(new EventSource.TableStream("Changes", EventOrigin.SAM_EVENT, Optional.empty(),
                new Expr.AttributeRef("Orders", "StreamArn"), new PollingSettings(Map.of(
                PollingSetting.STARTING_POSITION, str("TRIM_HORIZON"), PollingSetting.BATCH_SIZE, num(50))),
                f.nextEventLocation()));
        AzureDeployment d = plan(app(f).table("Orders").build(), PlanKind.PREMIUM);
        assertThat(one(d, AzureResource.CosmosAccount.class).disableLocalAuth()).isTrue();
        assertThat(d.resources(AzureResource.CosmosSqlContainer.class)).extracting(AzureResource::symbol)
                .containsExactly("orders", "leases");
        Trigger trigger = appOf(d, "Audit").triggers().get(0);
        assertThat(trigger.type()).isEqualTo("cosmosDBTrigger");
        assertThat(trigger.settings()).containsEntry("containerName", "orders")
                .containsEntry("leaseContainerName", "leases").containsEntry("startFromBeginning", "true")
                .containsEntry("maxItemsPerInvocation", "50").containsEntry("databaseName", "%COSMOS_DATABASE_NAME%");
        assertThat(setting(appOf(d, "Audit"), "COSMOS_DATABASE_NAME")).isPresent();
        assertThat(one(d, AzureResource.CosmosSqlRoleAssignment.class).role()).isEqualTo(Roles.COSMOS_DATA_CONTRIBUTOR);
    }

    @Test
    void aKinesisStreamBecomesAnEventHubWithAConsumerGroupPerFunction() {
        Fixtures.FunctionBuilder f = function("Clicks");
        f.event(new EventSource.Stream("Stream", EventOrigin.SAM_EVENT, Optional.empty(), arn("ClickStream"),
                new PollingSettings(Map.of(PollingSetting.STARTING_POSITION, str("LATEST"))), f.nextEventLocation()));
        AzureDeployment d = plan(app(f).stream("ClickStream", 40).build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.EventHub hub = one(d, AzureResource.EventHub.class);
        assertThat(hub.partitionCount()).isEqualTo(Value.number(32));
        assertThat(deviations(d, DeviationCatalog.STREAM_LIMITS)).hasSize(1);
        assertThat(one(d, AzureResource.EventHubConsumerGroup.class).hub()).isEqualTo(hub.symbol());
        AzureResource.FunctionApp app = appOf(d, "Clicks");
        assertThat(app.hostSettings()).containsEntry("extensions.eventHubs.maxEventBatchSize", Value.number(100))
                .containsEntry("extensions.eventHubs.initialOffsetOptions.type", Value.text("fromEnd"));
        assertThat(rolesOn(d, hub.symbol())).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.EVENT_HUBS_DATA_RECEIVER);
    }

    @Test
    void anEventBridgeRuleBecomesAnEventGridSubscriptionWithAdvancedFilters() {
        Fixtures.FunctionBuilder f = function("Router");
        f.event(new EventSource.EventBusRule("OrderPlaced", EventOrigin.SAM_EVENT, Optional.empty(),
                Optional.of(new Expr.ResourceRef("Bus")), map("source", list(str("shop.orders")),
                "detail-type", list(str("OrderPlaced")), "detail", map("total", list(map("numeric", list(str(">"), num(100)))))),
                Optional.empty(), Optional.empty(), f.nextEventLocation()));
        AzureDeployment d = plan(app(f).eventBus("Bus").build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.EventGridSubscription sub = one(d, AzureResource.EventGridSubscription.class);
        assertThat(sub.topic()).isEqualTo(one(d, AzureResource.EventGridTopic.class).symbol());
        assertThat(sub.destination()).isEqualTo(new AzureResource.EventDestination.Function("router", "Router"));
        assertThat(sub.advancedFilters()).containsExactly(
                new AzureResource.AdvancedFilter("StringIn", "source", List.of(Value.text("shop.orders"))),
                new AzureResource.AdvancedFilter("StringIn", "type", List.of(Value.text("OrderPlaced"))),
                new AzureResource.AdvancedFilter("NumberGreaterThan", "data.total", List.of(Value.number(100))));
        assertThat(appOf(d, "Router").triggers().get(0).type()).isEqualTo("eventGridTrigger");
    }

    @Test
    void rulesOnAwsServiceEventsAndSourcesWithoutCounterpartAreGaps() {
        Fixtures.FunctionBuilder f = function("Ops");
        f.event(new EventSource.EventBusRule("Ec2", EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(),
                map("source", list(str("aws.ec2"))), Optional.empty(), Optional.empty(), f.nextEventLocation()));
        f.event(new EventSource.Alexa("Skill", EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(),
                f.nextEventLocation()));
        AzureDeployment d = plan(f, PlanKind.FLEX_CONSUMPTION);
        AzureResource.FunctionApp app = appOf(d, "Ops");
        assertThat(app.triggers()).isEmpty();
        assertThat(app.eventGaps()).extracting(AzureResource.EventGap::eventId, AzureResource.EventGap::deviation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ec2", "L2A201"),
                        org.assertj.core.groups.Tuple.tuple("Skill", "L2A201"));
        assertThat(deviations(d, DeviationCatalog.TRIGGER_NOT_MAPPED)).extracting(dev -> dev.message())
                .anySatisfy(m -> assertThat(m).contains("HTTP trigger as the skill's HTTPS endpoint"));
    }

    @Test
    void policyTemplatesBecomeLeastPrivilegeRolesOnTheGeneratedResources() {
        Fixtures.FunctionBuilder f = function("Api").http("/orders", "POST")
                .policyTemplate("DynamoDBReadPolicy", "TableName", new Expr.ResourceRef("Orders"))
                .policyTemplate("DynamoDBCrudPolicy", "TableName", new Expr.ResourceRef("Orders"))
                .policyTemplate("SQSSendMessagePolicy", "QueueName", new Expr.AttributeRef("JobsQueue", "QueueName"))
                .policyTemplate("S3ReadPolicy", "BucketName", new Expr.ResourceRef("Images"))
                .policyTemplate("SESCrudPolicy", "IdentityName", str("example.com"))
                .env("QUEUE_URL", new Expr.ResourceRef("JobsQueue"));
        AzureDeployment d = plan(app(f).table("Orders").queue("JobsQueue", false).bucket("Images").build(),
                PlanKind.FLEX_CONSUMPTION);
        // Contributor makes the reader role redundant.
        assertThat(d.resources(AzureResource.CosmosSqlRoleAssignment.class)).extracting(
                AzureResource.CosmosSqlRoleAssignment::role).containsExactly(Roles.COSMOS_DATA_CONTRIBUTOR);
        assertThat(rolesOn(d, "jobsQueue")).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.SERVICE_BUS_DATA_SENDER);
        assertThat(rolesOn(d, "imagesContainer")).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.STORAGE_BLOB_DATA_READER);
        assertThat(d.resources(AzureResource.RoleAssignment.class)).noneSatisfy(r ->
                assertThat(r.role().name()).isIn("Owner", "Contributor"));
        assertThat(deviations(d, DeviationCatalog.PERMISSION_STATEMENT)).singleElement()
                .satisfies(dev -> assertThat(dev.message()).contains("SESCrudPolicy"));
        assertThat(setting(appOf(d, "Api"), "QUEUE_URL")).contains(Value.ref("jobsQueue", Value.Attribute.NAME));
        assertThat(deviations(d, DeviationCatalog.SDK_CALLS)).hasSize(1);
    }

    @Test
    void inlineStatementsAreScopedToTheResourcesTheyName() {
        PolicyStatement read = new PolicyStatement(Optional.empty(), true, List.of(str("kinesis:GetRecords"),
                str("kinesis:DescribeStream")), false, List.of(arn("Clicks")), false, Optional.empty(), Fixtures.at(9, 9));
        PolicyStatement wildcard = new PolicyStatement(Optional.empty(), true, List.of(str("s3:GetObject")), false,
                List.of(str("*")), false, Optional.empty(), Fixtures.at(10, 9));
        PolicyStatement logs = new PolicyStatement(Optional.empty(), true, List.of(str("logs:PutLogEvents")), false,
                List.of(str("*")), false, Optional.empty(), Fixtures.at(11, 9));
        Fixtures.FunctionBuilder f = function("Reader").http("/", "GET").policy(new FunctionPolicy.InlineStatements(
                List.of(read, wildcard, logs), Fixtures.at(8, 7)));
        AzureDeployment d = plan(app(f).stream("Clicks", 2).build(), PlanKind.DEDICATED);
        assertThat(rolesOn(d, "clicks")).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.EVENT_HUBS_DATA_RECEIVER);
        assertThat(deviations(d, DeviationCatalog.PERMISSION_STATEMENT)).singleElement()
                .satisfies(dev -> assertThat(dev.message()).contains("s3:[GetObject]"));
    }

    @Test
    void aSecretInAnEnvironmentVariableBecomesAKeyVaultReference() {
        Fixtures.FunctionBuilder f = function("Api").http("/", "GET").env("DB_PASSWORD", new Expr.ResourceRef("DbSecret"));
        AzureDeployment d = plan(app(f).secret("DbSecret").build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.KeyVault vault = one(d, AzureResource.KeyVault.class);
        assertThat(vault.rbacAuthorization()).isTrue();
        AzureResource.KeyVaultSecret secret = one(d, AzureResource.KeyVaultSecret.class);
        assertThat(secret.value()).isInstanceOf(Value.Param.class);
        assertThat(d.parameters()).filteredOn(p -> p.name().equals(((Value.Param) secret.value()).name()))
                .singleElement().satisfies(p -> assertThat(p.secure()).isTrue());
        AzureResource.FunctionApp app = appOf(d, "Api");
        assertThat(app.keyVaultReferences()).isTrue();
        assertThat(setting(app, "DB_PASSWORD")).contains(new Value.Interpolation(List.of(
                Value.text("@Microsoft.KeyVault(SecretUri="), Value.ref(secret.symbol(), Value.Attribute.SECRET_URI),
                Value.text(")"))));
        assertThat(rolesOn(d, secret.symbol())).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.KEY_VAULT_SECRETS_USER);
        assertThat(deviations(d, DeviationCatalog.SECRET_AS_REFERENCE)).hasSize(1);
    }

    @Test
    void everyTriggerThatConnectsHasItsSettingsAndARoleOnItsResource() {
        Fixtures.FunctionBuilder a = sqsWorker(PollingSettings.NONE);
        Fixtures.FunctionBuilder b = function("Clicks");
        b.event(new EventSource.Stream("Stream", EventOrigin.SAM_EVENT, Optional.empty(), arn("ClickStream"),
                PollingSettings.NONE, b.nextEventLocation()));
        for (PlanKind kind : PlanKind.values()) {
            AzureDeployment d = plan(app(a, b).queue("JobsQueue", false).stream("ClickStream", 2).build(), kind);
            for (AzureResource.FunctionApp app : d.resources(AzureResource.FunctionApp.class)) {
                for (Trigger t : app.triggers()) {
                    String connection = t.connection().orElseThrow();
                    assertThat(app.appSettings()).anySatisfy(s -> assertThat(s.name()).startsWith(connection + "__"));
                    assertThat(d.resources(AzureResource.RoleAssignment.class)).anySatisfy(r -> {
                        assertThat(r.scope()).isEqualTo(t.resource().orElseThrow());
                        assertThat(r.principal()).isEqualTo(app.identity());
                    });
                }
            }
        }
    }

    @Test
    void noEventSourceIsDroppedSilently() {
        Fixtures.FunctionBuilder f = function("Everything");
        f.event(new EventSource.Queue("Q", EventOrigin.SAM_EVENT, Optional.empty(), arn("JobsQueue"),
                PollingSettings.NONE, f.nextEventLocation()));
        f.event(new EventSource.IotRule("Iot", EventOrigin.SAM_EVENT, Optional.empty(), str("SELECT * FROM 't'"),
                Optional.empty(), f.nextEventLocation()));
        f.event(new EventSource.Kafka("Kafka", EventOrigin.SAM_EVENT, Optional.empty(), true,
                Optional.of(param("ClusterArn")), Optional.empty(), list(str("orders")), Optional.empty(),
                PollingSettings.NONE, f.nextEventLocation()));
        AzureDeployment d = plan(app(f).parameter("ClusterArn", "String", str("arn")).queue("JobsQueue", false).build(),
                PlanKind.PREMIUM);
        AzureResource.FunctionApp app = appOf(d, "Everything");
        assertThat(app.triggers().size() + app.eventGaps().size()).isEqualTo(3);
        assertThat(app.triggers()).extracting(Trigger::type).containsExactly("serviceBusTrigger", "kafkaTrigger");
        assertThat(deviations(d, DeviationCatalog.KAFKA_TRIGGER)).hasSize(1);
    }

    @Test
    void withTheEventGridOptionSnsTopicsBecomeEventGridTopicsWithAttributeFilters() {
        Fixtures.FunctionBuilder f = function("Notifier");
        f.event(new EventSource.Topic("Alerts", EventOrigin.SAM_EVENT, Optional.empty(), new Expr.ResourceRef("AlertsTopic"),
                Optional.of(map("severity", list(str("high"), str("critical")), "region-name", list(str("eu")))),
                Optional.empty(), Optional.empty(), Optional.empty(), f.nextEventLocation()));
        Fixtures.FunctionBuilder publisher = function("Publisher").http("/alerts", "POST")
                .policyTemplate("SNSPublishMessagePolicy", "TopicName", new Expr.AttributeRef("AlertsTopic", "TopicName"))
                .env("TOPIC_ARN", new Expr.ResourceRef("AlertsTopic"));
        AzureDeployment d = AzurePlanner.plan(app(f, publisher).topic("AlertsTopic").build(),
                new PlanOptions(Optional.of(PlanKind.FLEX_CONSUMPTION), false, PlanOptions.TopicService.EVENT_GRID));
        assertThat(d.resources(AzureResource.ServiceBusTopic.class)).isEmpty();
        AzureResource.EventGridTopic topic = one(d, AzureResource.EventGridTopic.class);
        AzureResource.EventGridSubscription sub = one(d, AzureResource.EventGridSubscription.class);
        assertThat(sub.topic()).isEqualTo(topic.symbol());
        assertThat(sub.advancedFilters()).containsExactly(new AzureResource.AdvancedFilter("StringIn", "severity",
                List.of(Value.text("high"), Value.text("critical"))));
        assertThat(deviations(d, DeviationCatalog.EVENT_FILTER_PARTIAL)).singleElement()
                .satisfies(dev -> assertThat(dev.message()).contains("region-name"));
        assertThat(appOf(d, "Notifier").triggers().get(0).type()).isEqualTo("eventGridTrigger");
        assertThat(rolesOn(d, topic.symbol())).extracting(AzureResource.RoleAssignment::role)
                .containsExactly(Roles.EVENT_GRID_DATA_SENDER);
        assertThat(setting(appOf(d, "Publisher"), "TOPIC_ARN")).contains(Value.ref(topic.symbol(),
                Value.Attribute.TOPIC_ENDPOINT));
    }

    @Test
    void withTheStorageOptionSqsQueuesBecomeStorageQueuesReadByAQueueTrigger() {
        Fixtures.FunctionBuilder sender = function("Api").http("/jobs", "POST")
                .policyTemplate("SQSSendMessagePolicy", "QueueName", new Expr.AttributeRef("JobsQueue", "QueueName"));
        AzureDeployment d = AzurePlanner.plan(app(sqsWorker(new PollingSettings(Map.of(PollingSetting.BATCH_SIZE,
                num(50)))), sender).queue("JobsQueue", true).build(), new PlanOptions(Optional.of(PlanKind.PREMIUM),
                false, PlanOptions.TopicService.SERVICE_BUS, PlanOptions.QueueService.STORAGE));
        assertThat(d.resources(AzureResource.ServiceBusNamespace.class)).isEmpty();
        AzureResource.StorageQueue queue = one(d, AzureResource.StorageQueue.class);
        assertThat(d.resource(queue.storageAccount())).get().isInstanceOfSatisfying(AzureResource.StorageAccount.class,
                a -> assertThat(a.allowSharedKeyAccess()).isFalse());
        Trigger trigger = appOf(d, "Worker").triggers().get(0);
        assertThat(trigger.type()).isEqualTo("queueTrigger");
        assertThat(trigger.settings()).containsEntry("queueName", "jobs-queue").containsEntry("connection",
                "QUEUE_STORAGE");
        assertThat(setting(appOf(d, "Worker"), "QUEUE_STORAGE__queueServiceUri")).contains(
                Value.ref(queue.storageAccount(), Value.Attribute.QUEUE_ENDPOINT));
        assertThat(appOf(d, "Worker").hostSettings()).containsEntry("extensions.queues.batchSize", Value.number(32));
        assertThat(rolesOn(d, queue.symbol())).extracting(r -> r.role().name()).containsExactly(
                "Storage Queue Data Reader", "Storage Queue Data Message Processor",
                "Storage Queue Data Message Sender");
        assertThat(deviations(d, DeviationCatalog.QUEUE_SEMANTICS)).extracting(dev -> dev.message())
                .anySatisfy(m -> assertThat(m).contains("FIFO ordering and deduplication are lost"));
        assertThat(deviations(d, DeviationCatalog.BATCH_SETTINGS)).extracting(dev -> dev.message())
                .anySatisfy(m -> assertThat(m).contains("at most 32"));
    }

    @Test
    void dynamicReferencesToSecretsBecomeKeyVaultReferences() {
        Fixtures.FunctionBuilder f = function("Api").http("/", "GET")
                .env("DB_PASSWORD", str("{{resolve:secretsmanager:prod/db:SecretString:password}}"))
                .env("API_KEY", str("{{resolve:ssm-secure:/app/api-key:3}}"))
                .env("AGAIN", str("{{resolve:secretsmanager:prod/db:SecretString:user}}"));
        AzureDeployment d = plan(f, PlanKind.FLEX_CONSUMPTION);
        List<AzureResource.KeyVaultSecret> secrets = d.resources(AzureResource.KeyVaultSecret.class);
        assertThat(secrets).extracting(s -> s.name()).containsExactly(Value.text("prod-db"), Value.text("app-api-key"));
        assertThat(secrets).allSatisfy(s -> assertThat(d.parameters()).filteredOn(p -> p.name().equals(
                ((Value.Param) s.value()).name())).singleElement().satisfies(p -> assertThat(p.secure()).isTrue()));
        AzureResource.FunctionApp app = appOf(d, "Api");
        assertThat(setting(app, "DB_PASSWORD")).contains(new Value.Interpolation(List.of(
                Value.text("@Microsoft.KeyVault(SecretUri="), Value.ref(secrets.get(0).symbol(), Value.Attribute.SECRET_URI),
                Value.text(")"))));
        assertThat(setting(app, "API_KEY").map(Object::toString).orElse("")).contains(secrets.get(1).symbol());
        assertThat(deviations(d, DeviationCatalog.SECRET_AS_REFERENCE)).extracting(dev -> dev.message())
                .anySatisfy(m -> assertThat(m).contains("JSON key password"));
        assertThat(app.keyVaultReferences()).isTrue();
    }
}

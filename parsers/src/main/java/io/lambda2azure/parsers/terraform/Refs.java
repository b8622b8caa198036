package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;

import java.util.Map;

/**
 * Terraform resource attributes as the model's references. The model follows CloudFormation, where
 * {@code !Ref} gives a resource's primary value and {@code !GetAtt} the others: {@code aws_sqs_queue.q.url}
 * is CloudFormation's {@code !Ref Queue} (a queue's URL), {@code .arn} its {@code !GetAtt Queue.Arn} and
 * {@code .name} its {@code QueueName}. Attributes without a CloudFormation counterpart keep their name in
 * UpperCamel ({@code invoke_arn} → {@code InvokeArn}); {@code id} is the primary value unless listed.
 */
final class Refs {

    /** The attribute that is CloudFormation's {@code Ref}. */
    private static final String REF = "";

    private static final Map<String, Map<String, String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("aws_lambda_function", Map.of("id", REF, "function_name", REF, "arn", "Arn")),
            Map.entry("aws_sqs_queue", Map.of("id", REF, "url", REF, "arn", "Arn", "name", "QueueName")),
            Map.entry("aws_sns_topic", Map.of("id", REF, "arn", REF, "name", "TopicName")),
            Map.entry("aws_s3_bucket", Map.of("id", REF, "bucket", REF, "arn", "Arn",
                    "bucket_domain_name", "DomainName", "bucket_regional_domain_name", "RegionalDomainName",
                    "website_endpoint", "WebsiteURL")),
            Map.entry("aws_dynamodb_table", Map.of("id", REF, "name", REF, "arn", "Arn", "stream_arn", "StreamArn")),
            Map.entry("aws_kinesis_stream", Map.of("name", REF, "id", "Arn", "arn", "Arn")),
            Map.entry("aws_cloudwatch_event_bus", Map.of("id", REF, "name", REF, "arn", "Arn")),
            Map.entry("aws_secretsmanager_secret", Map.of("id", REF, "arn", REF)),
            Map.entry("aws_ssm_parameter", Map.of("id", REF, "name", REF, "arn", "Arn", "value", "Value")),
            Map.entry("aws_cloudwatch_log_group", Map.of("id", REF, "name", REF, "arn", "Arn")),
            Map.entry("aws_iam_role", Map.of("id", REF, "name", REF, "arn", "Arn", "unique_id", "RoleId")),
            Map.entry("aws_iam_policy", Map.of("id", REF, "arn", REF, "policy_id", "PolicyId")),
            Map.entry("aws_kms_key", Map.of("id", REF, "key_id", REF, "arn", "Arn")),
            Map.entry("aws_lambda_layer_version", Map.of("id", REF, "arn", REF, "layer_arn", "LayerArn")),
            Map.entry("aws_lambda_alias", Map.of("id", REF, "arn", REF, "name", "Name")),
            Map.entry("aws_api_gateway_rest_api", Map.of("id", REF, "root_resource_id", "RootResourceId")),
            Map.entry("aws_apigatewayv2_api", Map.of("id", REF, "api_endpoint", "ApiEndpoint")),
            Map.entry("aws_cloudwatch_event_rule", Map.of("id", REF, "name", REF, "arn", "Arn")),
            Map.entry("aws_scheduler_schedule", Map.of("id", REF, "name", REF, "arn", "Arn")),
            // A user pool's endpoint is CloudFormation's ProviderURL (cognito-idp.<region>.amazonaws.com/<pool id>).
            Map.entry("aws_cognito_user_pool", Map.of("id", REF, "arn", "Arn", "endpoint", "ProviderURL")),
            Map.entry("aws_cognito_user_pool_client", Map.of("id", REF)));

    private Refs() {
    }

    /** The reference to {@code attribute} of the resource with that logical id and Terraform type. */
    static Expr attribute(String type, String logicalId, String attribute) {
        String mapped = ATTRIBUTES.getOrDefault(type, Map.of()).get(attribute);
        if (mapped == null) {
            mapped = "id".equals(attribute) ? REF : Ids.upperCamel(attribute);
        }
        return mapped.isEmpty() ? new Expr.ResourceRef(logicalId) : new Expr.AttributeRef(logicalId, mapped);
    }
}
